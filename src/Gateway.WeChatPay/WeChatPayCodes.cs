namespace Gateway.WeChatPay;

/// <summary>Wire constants shared by every v2 operation.</summary>
public static class WeChatPayCodes
{
    /// <summary>The value of <c>return_code</c> / <c>result_code</c> on success.</summary>
    public const string Success = "SUCCESS";

    /// <summary>The value of <c>return_code</c> / <c>result_code</c> on failure.</summary>
    public const string Fail = "FAIL";

    /// <summary><c>trade_type</c> for QR-code payments; needs <c>product_id</c>.</summary>
    public const string TradeTypeNative = "NATIVE";

    /// <summary><c>trade_type</c> for in-WeChat pages and mini programs; needs <c>openid</c>.</summary>
    public const string TradeTypeJsapi = "JSAPI";

    /// <summary>The default (and, for domestic merchants, only) currency.</summary>
    public const string Cny = "CNY";
}
