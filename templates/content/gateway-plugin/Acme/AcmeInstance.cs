using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Acme;

/// <summary>
/// One Acme account. A real plugin would call its provider here (with the host's HttpClient named
/// <see cref="ProviderInstanceContext.HttpClientName"/>) and map its codes to <see cref="ProviderError"/>s;
/// this template accepts every order locally: replace CreateAsync, QueryAsync and CloseAsync with calls to your provider.
/// </summary>
internal sealed partial class AcmeInstance : IProviderInstance
{
    private readonly string _name;
    private readonly AcmeSettings _settings;
    private readonly string _version;
    private readonly ILogger<AcmeInstance> _logger;

    public AcmeInstance(string name, AcmeSettings settings, string version, ILogger<AcmeInstance> logger)
    {
        _name = name;
        _settings = settings;
        _version = version;
        _logger = logger;
        Account = new ProviderAccount(null, settings.MerchantId);
    }

    public ProviderAccount Account { get; }

    public ProviderError? Validate(CreatePaymentRequest request)
        => request.Currency == "CNY" ? null : new ProviderError(ProviderErrorKind.InvalidRequest, "CURRENCY", "Acme only takes CNY.");

    public Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Log.Created(_logger, _name, request.PaymentId);
        var codeUrl = $"acmelower://pay?merchant={Uri.EscapeDataString(_settings.MerchantId)}&payment={request.PaymentId}&amount={request.Amount}";
        return Task.FromResult(ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode(codeUrl), "demo_" + request.PaymentId)));
    }

    public Task<ProviderResult<PaymentQueryResult>> QueryAsync(PaymentQuery query, CancellationToken cancellationToken)
        // Acme learns of payments only through notifies, so a query always finds the order unpaid.
        => Task.FromResult(ProviderResult<PaymentQueryResult>.Success(new PaymentQueryResult(PaymentStatus.Pending, "PENDING")));

    public Task<ProviderResult<CloseResult>> CloseAsync(PaymentQuery query, CancellationToken cancellationToken)
        => Task.FromResult(ProviderResult<CloseResult>.Success(new CloseResult("CLOSED")));

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Served at /p/{instance}/about. Answer with framework types only (IResult, string): a plugin type in a
        // handler's signature would be cached by the host's JSON and parameter-binding caches and pin the plugin in memory.
        var text = $"Acme {_version} for merchant {_settings.MerchantId}";
        endpoints.MapGet("/about", () => Results.Text(text));
    }
}
