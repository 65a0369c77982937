using Gateway.Configuration;
using Gateway.Store;
using Microsoft.Extensions.Options;

namespace Gateway.Checkout;

/// <summary>Builds a payment's public checkout URL: <c>{PublicBaseUrl}/checkout/{id}?t={token}</c>.</summary>
internal sealed class CheckoutLinks(CheckoutTokens tokens, IOptions<GatewayOptions> options)
{
    private readonly string _baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');

    public string UrlFor(PaymentRecord payment) => $"{_baseUrl}{PathFor(payment)}";

    /// <summary>The page's path with its token, relative to the gateway.</summary>
    public string PathFor(PaymentRecord payment, string suffix = "")
        => $"/checkout/{Uri.EscapeDataString(payment.Id)}{suffix}?t={tokens.Issue(payment)}";
}
