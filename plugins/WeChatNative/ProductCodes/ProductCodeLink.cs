using System.Globalization;
using System.Text.RegularExpressions;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Signing;

namespace Gateway.Plugins.WeChatNative.ProductCodes;

/// <summary>
/// The Native "mode 1" QR content (docs/protocols.md §B10):
/// <c>weixin://wxpay/bizpayurl?sign=…&amp;appid=…&amp;mch_id=…&amp;product_id=…&amp;time_stamp=…&amp;nonce_str=…</c>,
/// signed with the normal v2 sign over the five other fields.
/// REF: https://pay.weixin.qq.com/wiki/doc/api/native.php?chapter=6_4
/// </summary>
internal static partial class ProductCodeLink
{
    private const string Prefix = "weixin://wxpay/bizpayurl?";

    /// <summary>True for a product id WeChat accepts in the link and in unifiedorder (String(32)), limited to URL-safe characters.</summary>
    public static bool IsValidProductId(string? productId) => productId is not null && ProductIdPattern().IsMatch(productId);

    /// <summary>The signed link for <paramref name="productId"/>; <paramref name="nonce"/> must be fresh.</summary>
    public static string Build(WeChatPayOptions options, string productId, DateTimeOffset now, string nonce)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(productId);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appid"] = options.AppId,
            ["mch_id"] = options.MchId,
            ["product_id"] = productId,
            ["time_stamp"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["nonce_str"] = nonce,
        };
        var sign = WeChatSigner.Sign(fields, options.ApiKey, options.SignType);
        return Prefix + "sign=" + sign + string.Concat(fields.Select(f => $"&{f.Key}={Uri.EscapeDataString(f.Value)}"));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex ProductIdPattern();
}
