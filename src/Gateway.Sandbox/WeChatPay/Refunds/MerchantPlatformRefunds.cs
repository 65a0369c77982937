using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.Sandbox.WeChatPay.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.WeChatPay.Refunds;

/// <summary>
/// <c>POST {prefix}/wechatpay/orders/{outTradeNo}/platform-refunds {"outRefundNo", "refundFee", "mchId"?}</c>: a refund made by
/// hand in the merchant platform, which the merchant's own system never asked for. It follows WeChat's refund rules (a paid
/// order, never beyond what was paid), succeeds at once and sends no notify: it only shows up in the day's bill, which is
/// how reconciliation finds refunds the gateway does not know.
/// </summary>
internal static class MerchantPlatformRefunds
{
    public static void Map(IEndpointRouteBuilder wechat) => wechat.MapPost("/orders/{outTradeNo}/platform-refunds", Refund);

    private static IResult Refund(string outTradeNo, PlatformRefundRequest? request, OrderBook orders, MerchantDirectory merchants, TimeProvider time)
    {
        if (request is not { OutRefundNo.Length: > 0 and <= 64, RefundFee: > 0 })
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_request", "outRefundNo (1-64 characters) and a positive refundFee (fen) are required.");
        }

        var matches = orders.FindAllByOutTradeNo(outTradeNo).Where(o => request.MchId is null || o.Terms.MchId == request.MchId).ToList();
        if (matches is not [var order] || !merchants.TryFind(order.Terms.MchId, out var merchant))
        {
            return Problem(matches.Count > 1 ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound,
                matches.Count > 1 ? "ambiguous_order" : "order_not_found", "Name one order (add mchId when several merchants use this out_trade_no).");
        }

        var now = time.GetUtcNow();
        var (refund, created, errCode, errCodeDes) = order.ApplyRefund(request.OutRefundNo!, order.Terms.TotalFee, request.RefundFee, null, merchant, now);
        if (refund is null || !created)
        {
            return Problem(StatusCodes.Status409Conflict, errCode ?? "refund_exists", errCodeDes ?? "A refund with this out_refund_no exists.");
        }

        refund.TryEnd(RefundStatuses.Success, now);
        return Results.Ok(new { refund.OutRefundNo, refund.RefundId, refund.RefundFee, status = refund.State.Status });
    }

    private static IResult Problem(int status, string code, string detail)
        => Results.Problem(statusCode: status, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    internal sealed record PlatformRefundRequest(string? OutRefundNo, long RefundFee, string? MchId);
}
