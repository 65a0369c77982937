using System.Globalization;
using Gateway.WeChatPay.Signing;

namespace Gateway.WeChatPay.Jsapi;

/// <summary>
/// The parameters a page (<c>getBrandWCPayRequest</c>) or a mini program (<c>wx.requestPayment</c>) pays a
/// <c>prepay_id</c> with. One builder for both (like SKIT's "JSAPI / 小程序调起支付"): paySign is the v2 sign over
/// exactly <c>appId</c>, <c>nonceStr</c>, <c>package</c>, <c>signType</c>, <c>timeStamp</c> plus <c>&amp;key=</c>,
/// with the same algorithm as the unified order. A mini program leaves <c>appId</c> out of what it passes, but
/// it is still signed. REF: https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=7_7 and wxa_api.php?chapter=7_7.
/// </summary>
public static class JsapiPayParameters
{
    /// <summary>Wire name of the app id (capital I).</summary>
    public const string AppId = "appId";

    /// <summary>Wire name of the timestamp: seconds, as a string.</summary>
    public const string TimeStamp = "timeStamp";

    /// <summary>Wire name of the nonce.</summary>
    public const string NonceStr = "nonceStr";

    /// <summary>Wire name of <c>prepay_id=…</c>.</summary>
    public const string Package = "package";

    /// <summary>Wire name of the algorithm.</summary>
    public const string SignType = "signType";

    /// <summary>Wire name of the signature.</summary>
    public const string PaySign = "paySign";

    /// <summary>Builds the six parameters (appId included) with a fresh nonce and the current time.</summary>
    public static Dictionary<string, string> Build(
        string appId, string prepayId, string apiKey, WeChatSignType signType, DateTimeOffset now)
        => Build(appId, prepayId, apiKey, signType, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), WeChatPayClient.NewNonce());

    /// <summary>Builds the six parameters from a given timestamp and nonce (for tests and vectors).</summary>
    public static Dictionary<string, string> Build(
        string appId, string prepayId, string apiKey, WeChatSignType signType, string timeStamp, string nonceStr)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(prepayId);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeStamp);
        ArgumentException.ThrowIfNullOrWhiteSpace(nonceStr);

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AppId] = appId,
            [TimeStamp] = timeStamp,
            [NonceStr] = nonceStr,
            [Package] = "prepay_id=" + prepayId,
            [SignType] = signType.ToWire(),
        };
        parameters[PaySign] = WeChatSigner.Sign(parameters, apiKey, signType);
        return parameters;
    }
}
