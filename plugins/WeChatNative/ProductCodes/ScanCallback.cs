using Gateway.WeChatPay;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.Plugins.WeChatNative.ProductCodes;

/// <summary>
/// WeChat's scan callback for a product code (B10): appid, openid, mch_id, is_subscribe, nonce_str, product_id
/// and sign, posted as XML to the URL configured in the merchant platform.
/// </summary>
internal static class ScanCallback
{
    /// <summary>Parses and authenticates a callback for the account in <paramref name="options"/>.</summary>
    public static ScanCallbackParse Parse(ReadOnlySpan<byte> body, WeChatPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Dictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Parse(body);
        }
        catch (WeChatXmlException)
        {
            return ScanCallbackParse.Rejected("The body is not a valid WeChat XML message.");
        }

        // Over every received field: WeChat may add fields, and they are signed too. The callback carries no
        // sign_type, so the algorithm is the account's (the one its product links are signed with), never
        // guessed from the sign's length: that would let an MD5 sign through an HMAC-SHA256 account.
        if (!WeChatSigner.Verify(fields, options.ApiKey, options.SignType))
        {
            return ScanCallbackParse.Rejected("The signature does not verify.");
        }

        if (Field(fields, "appid") != options.AppId || Field(fields, "mch_id") != options.MchId)
        {
            return ScanCallbackParse.Rejected("appid or mch_id is not this account's.");
        }

        if (Field(fields, "openid") is not { } openId || Field(fields, "product_id") is not { } productId)
        {
            return ScanCallbackParse.Rejected("openid or product_id is missing.");
        }

        return new ScanCallbackParse(openId, productId, null);
    }

    private static string? Field(Dictionary<string, string> fields, string name)
        => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

/// <summary>A parsed scan callback, or why it was refused (<see cref="Rejection"/> is then set).</summary>
/// <param name="OpenId">The payer under the account's appid.</param>
/// <param name="ProductId">The scanned product id.</param>
/// <param name="Rejection">Why the callback is not trusted; null when it is.</param>
internal sealed record ScanCallbackParse(string? OpenId, string? ProductId, string? Rejection)
{
    public static ScanCallbackParse Rejected(string reason) => new(null, null, reason);
}
