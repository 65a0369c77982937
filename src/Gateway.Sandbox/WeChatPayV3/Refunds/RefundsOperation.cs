using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.Sandbox.WeChatPay.Refunds;
using Gateway.Sandbox.WeChatPayV3.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.WeChatPayV3.Refunds;

/// <summary>
/// <c>POST /v3/refund/domestic/refunds</c> and <c>GET /v3/refund/domestic/refunds/{out_refund_no}</c>: signature first
/// (401 SIGN_ERROR), the body as WeChat checks it (PARAM_ERROR), then the amounts against what was paid and already
/// refunded (INVALID_REQUEST), the merchant's balance (403 NOT_ENOUGH), an unknown order or refund (404
/// RESOURCE_NOT_EXISTS). An accepted refund is PROCESSING and ends by itself (or by the ops action) with its
/// REFUND.* notify. The same out_refund_no with the same amounts is answered again and refunded once.
/// REF: docs/protocols.md §G3.c and §G3.d.
/// </summary>
internal sealed partial class RefundsOperation(
    V3RequestAuthenticator authenticator, V3Replies replies, OrderBook orders, MerchantDirectory merchants, RefundNotifyQueue notifies, TimeProvider time)
{
    public static void Map(IEndpointRouteBuilder v3)
    {
        v3.MapPost("/refund/domestic/refunds", (HttpContext c, RefundsOperation refunds) => refunds.CreateAsync(c));
        v3.MapGet("/refund/domestic/refunds/{outRefundNo}", (HttpContext c, string outRefundNo, RefundsOperation refunds) => refunds.QueryAsync(c, outRefundNo));
    }

    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var (merchant, body, error) = await authenticator.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (error is not null)
        {
            return replies.Error(merchant, error);
        }

        if (Read(body) is not { } request)
        {
            return replies.Error(merchant, V3Error.ParamError("输入源“/body”映射到字段失败 (the body is not a valid refund request)"));
        }

        if (request.Invalid is { } invalid)
        {
            return replies.Error(merchant, V3Error.ParamError(invalid));
        }

        var order = request.TransactionId is { } transactionId
            ? orders.FindByTransactionId(merchant!.MchId, transactionId)
            : orders.FindByOutTradeNo(merchant!.MchId, request.OutTradeNo!);
        if (order is null || !merchants.TryFind(merchant.MchId, out var account))
        {
            return replies.Error(merchant, ResourceNotExists("订单不存在"));
        }

        var now = time.GetUtcNow();
        var (refund, created, errCode, errCodeDes) = order.ApplyRefund(request.OutRefundNo, request.Total, request.Refund, request.NotifyUrl, account, now, v3: true);
        if (refund is null)
        {
            return replies.Error(merchant, errCode switch
            {
                WeChatErrorCodes.OrderNotExist => ResourceNotExists(errCodeDes!),
                WeChatErrorCodes.NotEnough => new V3Error(StatusCodes.Status403Forbidden, "NOT_ENOUGH", errCodeDes!),
                _ => V3Error.InvalidRequest(errCodeDes!),
            });
        }

        if (created)
        {
            notifies.Enqueue(new RefundNotifyJob(order, refund, AfterProcessing: true));
        }

        return replies.Json(merchant, StatusCodes.Status200OK, RefundView.Reply(order.Snapshot(now), refund));
    }

    public async Task<IResult> QueryAsync(HttpContext context, string outRefundNo)
    {
        var (merchant, _, error) = await authenticator.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (error is not null)
        {
            return replies.Error(merchant, error);
        }

        var order = orders.FindByRefund(merchant!.MchId, outRefundNo, null);
        var refund = order?.Refunds().FirstOrDefault(r => r.OutRefundNo == outRefundNo);
        return order is null || refund is null
            ? replies.Error(merchant, ResourceNotExists("退款单不存在"))
            : replies.Json(merchant, StatusCodes.Status200OK, RefundView.Reply(order.Snapshot(time.GetUtcNow()), refund));
    }

    private static V3Error ResourceNotExists(string message) => new(StatusCodes.Status404NotFound, "RESOURCE_NOT_EXISTS", message);

    // Read field by field, independently of the gateway's wire models, so a mistake there is not mirrored here.
    private static RefundBody? Read(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject json ? RefundBody.From(json) : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private sealed record RefundBody(string? TransactionId, string? OutTradeNo, string OutRefundNo, long Refund, long Total, string? NotifyUrl, string? Invalid)
    {
        public static RefundBody From(JsonObject json)
        {
            var amount = json["amount"] as JsonObject;
            var body = new RefundBody(Text(json, "transaction_id"), Text(json, "out_trade_no"), Text(json, "out_refund_no") ?? "",
                Number(amount, "refund"), Number(amount, "total"), Text(json, "notify_url"), null);
            return body with { Invalid = body.Check(Text(amount, "currency"), Text(json, "reason")) };
        }

        private string? Check(string? currency, string? reason)
        {
            if (TransactionId is null && OutTradeNo is null)
            {
                return "transaction_id 和 out_trade_no 必须二选一 (/out_trade_no)";
            }

            if (!OutRefundNoPattern().IsMatch(OutRefundNo))
            {
                return "out_refund_no 应为 1-64 位数字、字母、_-|*@ (/out_refund_no)";
            }

            if (reason is { Length: > 80 })
            {
                return "reason 长度不能超过 80 (/reason)";
            }

            if (NotifyUrl is not null && (!Uri.TryCreate(NotifyUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Query.Length > 0))
            {
                return "notify_url 应为不带参数的 http(s) 地址 (/notify_url)";
            }

            return Refund <= 0 || Total <= 0 || currency != "CNY" ? "amount.refund、amount.total 应大于 0, amount.currency 应为 CNY (/amount)" : null;
        }

        private static string? Text(JsonObject? json, string name) => json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

        private static long Number(JsonObject? json, string name) => json?[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : 0;
    }

    [GeneratedRegex("^[A-Za-z0-9_\\-|*@]{1,64}$")]
    private static partial Regex OutRefundNoPattern();
}
