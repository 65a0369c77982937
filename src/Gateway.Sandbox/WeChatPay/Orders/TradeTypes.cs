namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>The v2 <c>trade_type</c> values unifiedorder accepts.</summary>
internal static class TradeTypes
{
    public const string Jsapi = "JSAPI";
    public const string Native = "NATIVE";
    public const string App = "APP";
    public const string Mweb = "MWEB";

    public static bool IsKnown(string value) => value is Jsapi or Native or App or Mweb;
}
