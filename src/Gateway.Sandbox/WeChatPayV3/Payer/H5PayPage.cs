using System.Net;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Payer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.WeChatPayV3.Payer;

/// <summary>
/// The page an H5 order's <c>h5_url</c> opens (WeChat's <c>checkmweb</c> cashier): it shows the order and a pay
/// button; pressing it pays the order as a payer would, which sends the v3 notify.
/// </summary>
internal static class H5PayPage
{
    public static void Map(IEndpointRouteBuilder wechat)
    {
        wechat.MapGet("/v3/h5/checkmweb", Show).ExcludeFromDescription();
        wechat.MapPost("/v3/h5/checkmweb", Pay).ExcludeFromDescription().DisableAntiforgery();
    }

    private static IResult Show(string? prepay_id, OrderBook orders, TimeProvider time)
    {
        if (prepay_id is null || orders.FindByPrepayId(prepay_id) is not { } order)
        {
            return PayerProblems.UnknownPrepayId();
        }

        var terms = order.Snapshot(time.GetUtcNow()).Terms;
        var html = $"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>微信支付 (sandbox)</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
            <h1>微信支付 sandbox</h1><p>{WebUtility.HtmlEncode(terms.Body)}</p>
            <p>¥{terms.TotalFee / 100}.{terms.TotalFee % 100:D2}</p>
            <form method="post"><input type="hidden" name="prepay_id" value="{WebUtility.HtmlEncode(prepay_id)}">
            <button type="submit">确认支付 (pay)</button></form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> Pay(HttpRequest request, OrderBook orders, PaymentSimulator payer)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false) : null;
        var prepayId = form?["prepay_id"].ToString();
        if (string.IsNullOrEmpty(prepayId) || orders.FindByPrepayId(prepayId) is not { } order)
        {
            return PayerProblems.UnknownPrepayId();
        }

        return payer.Pay(order);
    }
}
