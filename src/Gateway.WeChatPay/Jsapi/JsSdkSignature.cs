using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.WeChatPay.Jsapi;

/// <summary>
/// The JS-SDK <c>wx.config</c> signature: lower-case hex SHA1 of
/// <c>jsapi_ticket=…&amp;noncestr=…&amp;timestamp=…&amp;url=…</c> (names in ASCII order, raw values), where url is
/// the page URL without <c>#</c> and what follows.
/// REF: https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html (appendix 1).
/// </summary>
public static class JsSdkSignature
{
    /// <summary>Computes the signature.</summary>
    public static string Compute(string jsapiTicket, string nonceStr, long timestamp, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(jsapiTicket);
        ArgumentException.ThrowIfNullOrEmpty(nonceStr);
        ArgumentException.ThrowIfNullOrEmpty(url);

        var text = "jsapi_ticket=" + jsapiTicket
            + "&noncestr=" + nonceStr
            + "&timestamp=" + timestamp.ToString(CultureInfo.InvariantCulture)
            + "&url=" + StripFragment(url);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The URL without its <c>#fragment</c>, which WeChat does not sign.</summary>
    public static string StripFragment(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? url : url[..hash];
    }
}
