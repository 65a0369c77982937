using Gateway.Sandbox.WeChatOpen;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary><c>POST /pay/unifiedorder</c>: creates an order, or re-enters an unpaid one with the same terms.</summary>
internal sealed class UnifiedOrderOperation(OrderBook orders, IssuedOpenIds openIds, TimeProvider time) : IWeChatApiOperation
{
    public OperationResult Execute(AuthenticatedRequest request)
    {
        var now = time.GetUtcNow();
        var error = UnifiedOrderTermsReader.Read(request, now, out var terms);
        if (error is not null)
        {
            return OperationResult.Refused(error);
        }

        if (!request.Merchant.TradeTypes.Contains(terms!.TradeType))
        {
            return OperationResult.BusinessFailure(WeChatErrorCodes.NoAuth, "商户无此接口权限");
        }

        // A JSAPI openid must be one this appid issued (OAuth2 / code2Session). The answer is the one merchants
        // widely report for a foreign openid (PARAM_ERROR, "appid和openid不匹配"); docs/protocols.md B8 does not list it.
        if (terms.TradeType == TradeTypes.Jsapi && !openIds.WasIssued(terms.AppId, terms.OpenId!))
        {
            return OperationResult.BusinessFailure(WeChatErrorCodes.ParamError, "appid和openid不匹配");
        }

        var placed = orders.Place(terms);
        if (placed.Order is null)
        {
            return OperationResult.BusinessFailure(placed.ErrCode!, placed.ErrCodeDes!);
        }

        var order = placed.Order.Snapshot(now);
        return OperationResult.Succeeded(
            new("trade_type", order.Terms.TradeType),
            new("prepay_id", order.PrepayId),
            new("code_url", order.CodeUrl ?? ""),
            new("mweb_url", order.Terms.TradeType == TradeTypes.Mweb ? MwebUrl.For(order.PrepayId) : ""));
    }
}
