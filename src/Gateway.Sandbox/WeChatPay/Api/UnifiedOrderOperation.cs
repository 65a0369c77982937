using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary><c>POST /pay/unifiedorder</c>: creates an order, or re-enters an unpaid one with the same terms.</summary>
internal sealed class UnifiedOrderOperation(OrderBook orders, TimeProvider time) : IWeChatApiOperation
{
    public OperationResult Execute(AuthenticatedRequest request)
    {
        var now = time.GetUtcNow();
        var error = UnifiedOrderTermsReader.Read(request, now, out var terms);
        if (error is not null)
        {
            return OperationResult.Refused(error);
        }

        var placed = orders.Place(terms!);
        if (placed.Order is null)
        {
            return OperationResult.BusinessFailure(placed.ErrCode!, placed.ErrCodeDes!);
        }

        var order = placed.Order.Snapshot(now);
        return OperationResult.Succeeded(
            new("trade_type", order.Terms.TradeType),
            new("prepay_id", order.PrepayId),
            new("code_url", order.CodeUrl ?? ""));
    }
}
