using System.Security.Cryptography;
using Gateway.Abstractions.ProductCodes;
using Gateway.Payments;

namespace Gateway.ProductCodes;

/// <summary>
/// The host's side of a product-code scan: finds the active product code the instance's callback names and
/// creates its payment through <see cref="PaymentCreator"/>, the same path as <c>POST /v1/payments</c> (pending
/// row first, then the provider order). Each scan is a new payment with merchant order id
/// <c>{productId}-{12 hex}</c> and metadata <c>productCodeId</c>.
/// </summary>
internal sealed partial class ProductCodePayments : IProductCodePayments
{
    /// <summary>The metadata key naming the product code a payment was made from.</summary>
    public const string ProductCodeIdKey = "productCodeId";

    private readonly ProductCodeStore _codes;
    private readonly PaymentCreator _creator;
    private readonly ILogger<ProductCodePayments> _logger;

    public ProductCodePayments(ProductCodeStore codes, PaymentCreator creator, ILogger<ProductCodePayments> logger)
    {
        _codes = codes ?? throw new ArgumentNullException(nameof(codes));
        _creator = creator ?? throw new ArgumentNullException(nameof(creator));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public async Task<ProductCodePaymentResult> CreatePaymentForProductAsync(
        string instanceName, string productId, string openId, string clientIp, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceName);
        ArgumentException.ThrowIfNullOrEmpty(productId);
        var code = await _codes.FindByProductAsync(instanceName, productId, cancellationToken);
        if (code is null)
        {
            Log.Refused(_logger, instanceName, ProductCodeRefusals.UnknownProduct);
            return ProductCodePaymentResult.Refused(ProductCodeRefusals.UnknownProduct, "This product is not on sale.");
        }

        if (code.Status != ProductCodeStatuses.Active)
        {
            Log.Refused(_logger, instanceName, ProductCodeRefusals.Disabled);
            return ProductCodePaymentResult.Refused(ProductCodeRefusals.Disabled, "This product is no longer on sale.");
        }

        var metadata = new Dictionary<string, string>(code.Metadata) { [ProductCodeIdKey] = code.Id };
        var body = new CreatePaymentBody
        {
            Channel = code.Channel,
            MerchantOrderId = $"{code.ProductId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}",
            Amount = code.Amount,
            Currency = code.Currency,
            Description = code.Description,
            ClientIp = clientIp,
            Payer = new PayerBody { OpenId = openId },
            NotifyUrl = code.NotifyUrl,
            Metadata = metadata,
        };

        var attempt = await _creator.CreateOnInstanceAsync(code.ClientId, body, code.ProductId, instanceName, cancellationToken);
        if (attempt.Placed is { ProviderReference: { } reference } placed)
        {
            Log.Placed(_logger, code.Id, placed.Id, instanceName);
            return ProductCodePaymentResult.Placed(placed.Id, reference);
        }

        Log.Refused(_logger, instanceName, ProductCodeRefusals.OrderFailed);
        return ProductCodePaymentResult.Refused(ProductCodeRefusals.OrderFailed, "The order could not be placed; please scan again.", attempt.Placed?.Id);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Product code {ProductCodeId}: payment {PaymentId} placed on {Instance}")]
        public static partial void Placed(ILogger logger, string productCodeId, string paymentId, string instance);

        [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Product code scan on {Instance} refused: {Code}")]
        public static partial void Refused(ILogger logger, string instance, string code);
    }
}
