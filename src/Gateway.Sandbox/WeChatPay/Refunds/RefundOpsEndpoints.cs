using Gateway.Sandbox.WeChatPay.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.WeChatPay.Refunds;

/// <summary>
/// <c>POST {prefix}/wechatpay/refunds/{outRefundNo}/settle {"status":"CHANGE"|"REFUNDCLOSE"|"SUCCESS", "notify"?: false}</c>: ends a refund
/// that is still PROCESSING the way WeChat sometimes does (CHANGE: the money could not go back, e.g. the payer's card was
/// cancelled; REFUNDCLOSE: closed), and sends its refund notify, so those paths can be tried. APIv3's names ABNORMAL and
/// CLOSED are taken too; a refund asked for through APIv3 gets the REFUND.* event. <c>GET …/refunds/{outRefundNo}</c>
/// shows a refund.
/// </summary>
internal static class RefundOpsEndpoints
{
    public static void Map(IEndpointRouteBuilder wechat)
    {
        wechat.MapPost("/refunds/{outRefundNo}/settle", Settle);
        wechat.MapGet("/refunds/{outRefundNo}", Get);
    }

    private static IResult Settle(string outRefundNo, SettleRequest? request, OrderBook orders, RefundNotifyQueue notifies, TimeProvider time)
    {
        // APIv3 names the same endings ABNORMAL and CLOSED.
        var status = request?.Status switch
        {
            "ABNORMAL" => RefundStatuses.Change,
            "CLOSED" => RefundStatuses.RefundClose,
            var other => other,
        };
        if (status is not (RefundStatuses.Change or RefundStatuses.RefundClose or RefundStatuses.Success))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_request", "status must be CHANGE (ABNORMAL), REFUNDCLOSE (CLOSED) or SUCCESS.");
        }

        if (Find(orders, outRefundNo) is not var (order, refund))
        {
            return Problem(StatusCodes.Status404NotFound, "refund_not_found", "The sandbox has no refund with this out_refund_no.");
        }

        if (!refund.TryEnd(status, time.GetUtcNow()))
        {
            return Problem(StatusCodes.Status409Conflict, "refund_not_processing", $"The refund is already {refund.State.Status}.");
        }

        // "notify": false plays a notify that never arrives, so only the merchant's refundquery can learn the ending.
        if (request!.Notify ?? true)
        {
            notifies.Enqueue(new RefundNotifyJob(order, refund, AfterProcessing: false));
        }

        return Results.Ok(View(refund));
    }

    private static IResult Get(string outRefundNo, OrderBook orders)
        => Find(orders, outRefundNo) is var (_, refund)
            ? Results.Ok(View(refund))
            : Problem(StatusCodes.Status404NotFound, "refund_not_found", "The sandbox has no refund with this out_refund_no.");

    private static (SandboxOrder Order, SandboxRefund Refund)? Find(OrderBook orders, string outRefundNo)
        => orders.FindRefundAnyMerchant(outRefundNo) is { } order ? (order, order.Refunds().First(r => r.OutRefundNo == outRefundNo)) : null;

    private static object View(SandboxRefund refund)
        => new { refund.OutRefundNo, refund.RefundId, refund.RefundFee, refund.TotalFee, status = refund.State.Status, succeededAt = refund.State.SucceededAt };

    private static IResult Problem(int status, string code, string detail)
        => Results.Problem(statusCode: status, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    internal sealed record SettleRequest(string? Status, bool? Notify);
}
