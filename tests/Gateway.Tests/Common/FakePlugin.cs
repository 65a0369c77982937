using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Common;

/// <summary>An in-process plugin for host tests: requires a <c>MerchantId</c> setting; provider calls answer what the test sets.</summary>
internal sealed class FakePlugin(string name = "Fake", params string[] channels) : IGatewayPlugin
{
    public PluginDescriptor Descriptor { get; } = new(name, "1.0.0", channels.Length == 0 ? ["fake.qr"] : channels);

    public void ConfigureServices(IServiceCollection services)
    {
    }

    public void ValidateSettings(IConfiguration settings, ICollection<string> errors)
    {
        if (string.IsNullOrEmpty(settings["MerchantId"]))
        {
            errors.Add("MerchantId is required.");
        }
    }

    /// <summary>The instances created, by merchant id (the latest per id), so a test can script their answers.</summary>
    public Dictionary<string, FakeInstance> Created { get; } = [];

    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
        var instance = new FakeInstance(context.Settings["MerchantId"]!, context.Settings["AppId"]);
        lock (Created)
        {
            Created[instance.Account.MerchantId] = instance;
        }

        return instance;
    }

    public LoadedPlugin Load() => new(Path.GetTempPath(), null, this, new ServiceCollection().BuildServiceProvider());
}

internal sealed class FakeInstance(string merchantId, string? appId) : IProviderInstance
{
    public ProviderAccount Account { get; } = new(appId, merchantId);

    public Func<PaymentQuery, ProviderResult<PaymentQueryResult>> Query { get; set; } =
        q => ProviderResult<PaymentQueryResult>.Success(new PaymentQueryResult(PaymentStatus.Pending, "NOTPAY"));

    /// <summary>What a create answers (it may throw, like a transport failure).</summary>
    public Func<CreatePaymentRequest, ProviderResult<CreatePaymentResult>> Create { get; set; } =
        r => ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode("fake://" + r.PaymentId)));

    public int Creates;

    public Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Creates);
        return Task.FromResult(Create(request));
    }

    public Task<ProviderResult<PaymentQueryResult>> QueryAsync(PaymentQuery query, CancellationToken cancellationToken) => Task.FromResult(Query(query));

    public Task<ProviderResult<CloseResult>> CloseAsync(PaymentQuery query, CancellationToken cancellationToken)
        => Task.FromResult(ProviderResult<CloseResult>.Success(new CloseResult("CLOSED")));

    public ValueTask<NotifyParseResult> ParseNotifyAsync(NotifyRequest request, CancellationToken cancellationToken)
        => ValueTask.FromResult<NotifyParseResult>(new NotifyParseResult.Rejected(NotifyRejections.Unsupported, "fake"));

    public NotifyAck CreateAck(bool success, string? reason = null) => new(200, "text/plain", success ? "success" : "fail");
}
