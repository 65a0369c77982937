namespace Gateway.Abstractions.ProductCodes;

/// <summary>
/// Offered by the host to plugins (contract 1.1), resolved from the plugin's service provider: turns a scan of
/// a registered product code into a payment. The host looks the product code up, writes the pending payment
/// (amount, description, notify URL and client from the product code), then has the instance place the order
/// through its normal <c>CreateAsync</c>, with the payer's openid and the product id.
/// </summary>
public interface IProductCodePayments
{
    /// <summary>Creates and places a payment for a scan of <paramref name="productId"/> on <paramref name="instanceName"/>.</summary>
    /// <param name="instanceName">The instance whose callback received the scan.</param>
    /// <param name="productId">The scanned product id.</param>
    /// <param name="openId">The payer's openid under the instance's app id.</param>
    /// <param name="clientIp">The IP address to report as the order's creator.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<ProductCodePaymentResult> CreatePaymentForProductAsync(
        string instanceName, string productId, string openId, string clientIp, CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="IProductCodePayments.CreatePaymentForProductAsync"/>.</summary>
public sealed record ProductCodePaymentResult
{
    /// <summary>The gateway payment id, when a payment was created (even if the provider then refused it).</summary>
    public string? PaymentId { get; init; }

    /// <summary>The provider's reference for the placed order (WeChat's prepay_id) when it was placed.</summary>
    public string? ProviderReference { get; init; }

    /// <summary>Why no order was placed: a stable code (see <see cref="ProductCodeRefusals"/>), or null on success.</summary>
    public string? RefusalCode { get; init; }

    /// <summary>A short text for the payer, free of secrets, when refused.</summary>
    public string? RefusalMessage { get; init; }

    /// <summary>True when the order was placed.</summary>
    public bool Succeeded => RefusalCode is null && ProviderReference is not null;

    /// <summary>The order was placed.</summary>
    public static ProductCodePaymentResult Placed(string paymentId, string providerReference)
        => new() { PaymentId = paymentId, ProviderReference = providerReference };

    /// <summary>No order was placed.</summary>
    public static ProductCodePaymentResult Refused(string code, string message, string? paymentId = null)
        => new() { RefusalCode = code, RefusalMessage = message, PaymentId = paymentId };
}

/// <summary>The refusal codes of <see cref="ProductCodePaymentResult"/>.</summary>
public static class ProductCodeRefusals
{
    /// <summary>No product code with this product id on this instance.</summary>
    public const string UnknownProduct = "PRODUCT_NOT_FOUND";

    /// <summary>The product code was disabled.</summary>
    public const string Disabled = "PRODUCT_DISABLED";

    /// <summary>The payment could not be created or the provider refused the order.</summary>
    public const string OrderFailed = "ORDER_FAILED";
}
