using System.Globalization;
using Gateway.WeChatPayV3.Signing;

namespace Gateway.WeChatPayV3.Jsapi;

/// <summary>
/// The APIv3 parameters for <c>WeixinJSBridge getBrandWCPayRequest</c> / <c>wx.requestPayment</c>:
/// <c>timeStamp</c> (seconds, a string), <c>nonceStr</c>, <c>package</c> = <c>prepay_id=…</c>, <c>signType</c> =
/// <c>RSA</c>, <c>paySign</c> = Base64 SHA256withRSA over <c>appId\ntimeStamp\nnonceStr\npackage\n</c> with the
/// merchant API private key. A mini program passes no appId, but the message still starts with its appid.
/// REF: docs/protocols.md §G3.e.
/// </summary>
public static class JsapiPayParameters
{
    /// <summary>Builds the six parameters (appId included); <paramref name="sign"/> signs with the merchant key.</summary>
    public static Dictionary<string, string> Build(string appId, string prepayId, DateTimeOffset now, string nonceStr, Func<string, string> sign)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(prepayId);
        ArgumentNullException.ThrowIfNull(sign);
        var timeStamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var package = "prepay_id=" + prepayId;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appId"] = appId,
            ["timeStamp"] = timeStamp,
            ["nonceStr"] = nonceStr,
            ["package"] = package,
            ["signType"] = "RSA",
            ["paySign"] = sign(WeChatPayV3Signer.PaySignMessage(appId, timeStamp, nonceStr, package)),
        };
    }
}
