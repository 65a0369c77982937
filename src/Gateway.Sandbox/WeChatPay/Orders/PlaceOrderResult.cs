using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>The order unifiedorder created or re-entered, or the business error that refused it.</summary>
internal sealed record PlaceOrderResult(SandboxOrder? Order, string? ErrCode, string? ErrCodeDes)
{
    public static PlaceOrderResult Placed(SandboxOrder order) => new(order, null, null);

    /// <summary>Re-entry of an unpaid order with other parameters (docs/protocols.md B8).</summary>
    public static readonly PlaceOrderResult TermsChanged = new(null, WeChatErrorCodes.InvalidRequest, "订单重入时，要求参数值与原请求一致");

    public static readonly PlaceOrderResult OrderPaid = new(null, WeChatErrorCodes.OrderPaid, "该订单已支付");

    public static readonly PlaceOrderResult OrderClosed = new(null, WeChatErrorCodes.OrderClosed, "该订单已关闭");
}
