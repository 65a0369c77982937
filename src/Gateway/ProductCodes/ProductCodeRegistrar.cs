using Gateway.Abstractions.Payments;
using Gateway.Abstractions.ProductCodes;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Payments;
using Gateway.Routing;
using Gateway.Security;

namespace Gateway.ProductCodes;

/// <summary>
/// <c>POST /v1/product-codes</c>: validate, route like a payment (channel + client + amount), have the chosen
/// instance sign the link (the host never holds provider keys), then store the code.
/// </summary>
internal sealed partial class ProductCodeRegistrar
{
    private readonly ProductCodeStore _store;
    private readonly ClientWebhookUrls _webhookUrls;
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly RouteInstancePicker _picker;
    private readonly TimeProvider _time;
    private readonly ILogger<ProductCodeRegistrar> _logger;

    public ProductCodeRegistrar(
        ProductCodeStore store, GatewaySnapshotProvider snapshots, RouteInstancePicker picker, TimeProvider time, ILogger<ProductCodeRegistrar> logger, ClientWebhookUrls webhookUrls)
    {
        _webhookUrls = webhookUrls;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        _picker = picker ?? throw new ArgumentNullException(nameof(picker));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<IResult> RegisterAsync(string clientId, CreateProductCodeBody body, CancellationToken cancellationToken)
    {
        var errors = body.Validate();
        _webhookUrls.Check(clientId, body.NotifyUrl, errors);
        if (errors.Count > 0)
        {
            return GatewayProblems.Invalid(errors);
        }

        var route = _snapshots.Current.Routes.Match(body.Channel!, clientId, body.Amount!.Value);
        if (route is null || _picker.Pick(route) is not { } instance)
        {
            return GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, GatewayProblems.ChannelNotRouted,
                "No route serves this channel.", $"No route serves channel '{body.Channel}' for this client and amount.");
        }

        if (instance.Instance is not IProductCodeProvider provider)
        {
            return GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, ProductCodesNotSupported,
                "The channel has no product codes.", $"Instance '{instance.Name}' cannot issue product codes for channel '{body.Channel}'.");
        }

        var link = provider.CreateProductCodeUrl(body.ProductId!);
        if (link.Value is not { } codeUrl)
        {
            return GatewayProblems.Problem(StatusCodes.Status400BadRequest, GatewayProblems.InvalidRequest, "The provider refused the product code.",
                link.Error!.Message, new Dictionary<string, object?> { ["providerCode"] = link.Error.Code });
        }

        var now = _time.GetUtcNow();
        var code = new ProductCodeRecord
        {
            Id = "pc_" + PaymentIds.NewPaymentId(now)["pay_".Length..],
            ClientId = clientId,
            ProductId = body.ProductId!,
            Channel = body.Channel!,
            ProviderInstance = instance.Name,
            Amount = body.Amount.Value,
            Currency = "CNY",
            Description = body.Description!,
            NotifyUrl = body.NotifyUrl,
            Metadata = body.Metadata ?? [],
            CodeUrl = codeUrl,
            Status = ProductCodeStatuses.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await _store.TryInsertAsync(code, cancellationToken))
        {
            return GatewayProblems.Problem(StatusCodes.Status409Conflict, DuplicateProductId, "Duplicate product id.",
                $"Product id '{code.ProductId}' already has a product code.");
        }

        Log.Registered(_logger, code.Id, instance.Name);
        return Results.Created($"/v1/product-codes/{code.Id}", ProductCodeResponse.From(code));
    }

    /// <summary>The problem code when the routed instance has no product-code capability.</summary>
    public const string ProductCodesNotSupported = "product_codes_not_supported";

    /// <summary>The problem code for a product id that already has a code.</summary>
    public const string DuplicateProductId = "duplicate_product_id";

    private static partial class Log
    {
        [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "Product code {ProductCodeId} registered on {Instance}")]
        public static partial void Registered(ILogger logger, string productCodeId, string instance);
    }
}
