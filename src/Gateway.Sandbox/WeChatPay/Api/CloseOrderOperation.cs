using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// <c>POST /pay/closeorder</c>. Closing an already closed order answers ORDERCLOSED, as the closeorder error
/// table documents ("订单已关闭，无需继续调用"), rather than succeeding again.
/// </summary>
internal sealed class CloseOrderOperation(OrderBook orders, TimeProvider time) : IWeChatApiOperation
{
    public OperationResult Execute(AuthenticatedRequest request)
    {
        var reader = new RequestFieldReader(request.Fields);
        var outTradeNo = reader.Required("out_trade_no", 32);
        if (reader.Error is not null)
        {
            return OperationResult.Refused(reader.Error);
        }

        var order = orders.FindByOutTradeNo(request.Merchant.MchId, outTradeNo);
        if (order is null)
        {
            return OperationResult.BusinessFailure(WeChatErrorCodes.OrderNotExist, "订单不存在");
        }

        return order.Close(time.GetUtcNow()) switch
        {
            CloseResult.AlreadyPaid => OperationResult.BusinessFailure(WeChatErrorCodes.OrderPaid, "订单已支付，不能发起关单"),
            CloseResult.AlreadyClosed => OperationResult.BusinessFailure(WeChatErrorCodes.OrderClosed, "订单已关闭，无需继续调用"),
            _ => OperationResult.Succeeded(new KeyValuePair<string, string>("result_msg", "OK")),
        };
    }
}
