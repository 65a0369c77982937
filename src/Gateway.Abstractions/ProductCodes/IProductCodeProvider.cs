using Gateway.Abstractions.Payments;

namespace Gateway.Abstractions.ProductCodes;

/// <summary>
/// An optional capability of a provider instance (contract 1.1): long-lived product QR codes, WeChat Native
/// "mode 1". The instance signs the link with its own key, so the host never needs to know it. When the payer
/// scans, the provider calls the instance's own route, which asks the host for a payment through
/// <see cref="IProductCodePayments"/>.
/// </summary>
public interface IProductCodeProvider
{
    /// <summary>
    /// Builds the signed QR content for <paramref name="productId"/> (e.g.
    /// <c>weixin://wxpay/bizpayurl?sign=…&amp;appid=…&amp;mch_id=…&amp;product_id=…&amp;time_stamp=…&amp;nonce_str=…</c>).
    /// A failed result carries a local refusal (e.g. an invalid product id).
    /// </summary>
    ProviderResult<string> CreateProductCodeUrl(string productId);
}
