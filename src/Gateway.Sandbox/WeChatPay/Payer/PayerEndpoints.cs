using Gateway.Sandbox.WeChatPay.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>
/// JSON endpoints that play the person holding the phone: scan a Native code (an order's or a product's), pay a prepay_id, and look
/// at what the sandbox did (including its notify attempts).
/// </summary>
internal static class PayerEndpoints
{
    public static void Map(IEndpointRouteBuilder wechat)
    {
        wechat.MapPost("/scan", Scan);
        wechat.MapPost("/pay", Pay);
        wechat.MapGet("/orders/{outTradeNo}", GetOrder);
        Refunds.RefundOpsEndpoints.Map(wechat);
        Refunds.MerchantPlatformRefunds.Map(wechat);
    }

    private static async Task<IResult> Scan(ScanRequest? request, OrderBook orders, PaymentSimulator payer, ProductCodeScanner products, CancellationToken cancellationToken)
    {
        switch (CodeUrl.Classify(request?.CodeUrl))
        {
            case CodeUrlKind.Invalid:
                return PayerProblems.InvalidCodeUrl();
            case CodeUrlKind.ProductCode:
                // Native mode 1 (docs/protocols.md §B10): WeChat asks the merchant's callback for an order first.
                return await products.ScanAsync(request!.CodeUrl!, cancellationToken, sendNotify: request.SuppressNotify != true);
        }

        var order = orders.FindByCodeUrl(request!.CodeUrl!);
        return order is null ? PayerProblems.UnknownCodeUrl() : payer.Pay(order, sendNotify: request.SuppressNotify != true);
    }

    private static IResult Pay(PayRequest? request, OrderBook orders, PaymentSimulator payer)
    {
        if (string.IsNullOrEmpty(request?.PrepayId))
        {
            return PayerProblems.InvalidRequest("prepayId is required.");
        }

        var order = orders.FindByPrepayId(request.PrepayId);
        return order is null ? PayerProblems.UnknownPrepayId() : payer.Pay(order, request.Notify);
    }

    private static IResult GetOrder(string outTradeNo, string? mchId, OrderBook orders, TimeProvider time)
    {
        var matches = orders.FindAllByOutTradeNo(outTradeNo).Where(o => mchId is null || o.Terms.MchId == mchId).ToList();
        return matches.Count switch
        {
            0 => PayerProblems.UnknownOrder(),
            1 => Results.Ok(OrderView.From(matches[0].Snapshot(time.GetUtcNow()))),
            _ => PayerProblems.AmbiguousOrder(),
        };
    }
}
