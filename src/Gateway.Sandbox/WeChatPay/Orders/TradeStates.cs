namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary><c>trade_state</c> values and descriptions of <c>pay/orderquery</c> (docs/protocols.md §B2).</summary>
internal static class TradeStates
{
    public static string ToWire(OrderState state) => state switch
    {
        OrderState.Success => "SUCCESS",
        OrderState.Closed => "CLOSED",
        OrderState.PayError => "PAYERROR",
        OrderState.UserPaying => "USERPAYING",
        _ => "NOTPAY",
    };

    public static string Describe(OrderState state) => state switch
    {
        OrderState.Success => "支付成功",
        OrderState.Closed => "订单已关闭",
        OrderState.PayError => "支付失败，请重新下单支付",
        OrderState.UserPaying => "用户支付中",
        _ => "订单未支付",
    };
}
