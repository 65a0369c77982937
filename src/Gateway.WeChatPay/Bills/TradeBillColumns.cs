namespace Gateway.WeChatPay.Bills;

/// <summary>
/// The bill's column names (docs/protocols.md G1.3). Columns are looked up by name, never by position: WeChat
/// has changed the layout before (the old 24-column bill names some columns differently, listed second).
/// </summary>
internal static class TradeBillColumns
{
    public const string TradeTime = "交易时间";
    public const string AppId = "公众账号ID";
    public const string TransactionId = "微信订单号";
    public const string OutTradeNo = "商户订单号";
    public const string TradeType = "交易类型";
    public const string TradeState = "交易状态";
    public const string Currency = "货币种类";
    public const string RefundId = "微信退款单号";
    public const string OutRefundNo = "商户退款单号";
    public const string RefundFee = "退款金额";
    public const string RefundStatus = "退款状态";
    public const string OrderFee = "订单金额";

    public static readonly string[] SettlementFee = ["应结订单金额", "总金额"];

    public const string SummaryCount = "总交易单数";
    public static readonly string[] SummarySettlement = ["应结订单总金额", "总交易额"];
    public static readonly string[] SummaryRefund = ["退款总金额", "总退款金额"];
    public const string SummaryOrder = "订单总金额";
}
