using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>The order unifiedorder created or re-entered, or the business error that refused it.</summary>
internal sealed record PlaceOrderResult(SandboxOrder? Order, string? ErrCode, string? ErrCodeDes)
{
    public static PlaceOrderResult Placed(SandboxOrder order) => new(order, null, null);

    public static readonly PlaceOrderResult OutTradeNoUsed = new(null, WeChatErrorCodes.OutTradeNoUsed, "商户订单号重复");

    public static readonly PlaceOrderResult OrderPaid = new(null, WeChatErrorCodes.OrderPaid, "该订单已支付");

    public static readonly PlaceOrderResult OrderClosed = new(null, WeChatErrorCodes.OrderClosed, "该订单已关闭");
}
