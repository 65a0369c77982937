using Gateway.Sandbox.Faults;
using Gateway.Sandbox.PaysApi.Notify;
using Gateway.Sandbox.PaysApi.Orders;
using Gateway.Sandbox.PaysApi.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Gateway.Sandbox.PaysApi.Payer;

/// <summary>
/// The person with the phone: <c>POST …/paysapi/pay</c> pays an order (404 unknown, 409 already paid) and
/// queues its notify; <c>GET …/paysapi/orders/{orderid}</c> shows what the sandbox holds and sent;
/// <c>GET …/paysapi/payer?orderid=</c> is the order's pay page with its "Pay" button, for a person in a browser.
/// </summary>
internal static partial class PaysApiPayerEndpoints
{
    public static void Map(IEndpointRouteBuilder paysApi)
    {
        paysApi.MapPost("/pay", Pay).ExcludeFromDescription();
        paysApi.MapGet("/orders/{orderId}", GetOrder).ExcludeFromDescription();
        paysApi.MapGet("/payer", (string? orderid, string? uid, PaysApiOrderBook orders)
            => orders.FindAll(orderid ?? "", uid) is [var order] ? Api.PayPages.Order(order.Snapshot())
                : Problem(StatusCodes.Status404NotFound, "order_not_found", "The sandbox has no single order with this orderid.")).ExcludeFromDescription();
    }

    private static IResult Pay(
        PaysApiPayRequest? request, PaysApiOrderBook orders, PaysApiNotifyQueue notifies, FaultBook faults, TimeProvider time, ILoggerFactory loggers)
    {
        if (string.IsNullOrEmpty(request?.OrderId))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_request", "orderid is required.");
        }

        if (request.RealPrice is { } realPrice && !PriceText.TryParse(realPrice, out _))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_request", "realprice must be yuan with two decimals, e.g. 0.99.");
        }

        var matches = orders.FindAll(request.OrderId, request.Uid);
        if (matches.Count != 1)
        {
            return matches.Count == 0
                ? Problem(StatusCodes.Status404NotFound, "order_not_found", "The sandbox has no order with this orderid.")
                : Problem(StatusCodes.Status409Conflict, "ambiguous_orderid", "Several accounts have this orderid; add uid.");
        }

        var order = matches[0];
        var paid = request.RealPrice ?? RealPrice.Of(order.Terms.Price, faults.Take(order.Terms.Uid, FaultKinds.RealPrice));
        if (!order.TryPay(paid, time.GetUtcNow()))
        {
            return Problem(StatusCodes.Status409Conflict, "order_paid", "The order is already paid.");
        }

        notifies.Enqueue(order);
        LogPaid(loggers.CreateLogger("Gateway.Sandbox.PaysApi.Payer"), order.Terms.Uid, order.Terms.OrderId, paid);
        return Results.Ok(new PaysApiPayAccepted(order.Terms.OrderId, order.PaysApiId, paid, "paid"));
    }

    private static IResult GetOrder(string orderId, string? uid, PaysApiOrderBook orders)
    {
        var matches = orders.FindAll(orderId, uid);
        return matches.Count switch
        {
            0 => Problem(StatusCodes.Status404NotFound, "order_not_found", "The sandbox has no order with this orderid."),
            1 => Results.Ok(PaysApiOrderView.From(matches[0].Snapshot())),
            _ => Problem(StatusCodes.Status409Conflict, "ambiguous_orderid", "Several accounts have this orderid; add ?uid=…."),
        };
    }

    private static IResult Problem(int status, string code, string detail)
        => Results.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Sandbox payer paid PaysAPI order {OrderId} of uid {Uid}: realprice {RealPrice}.")]
    private static partial void LogPaid(ILogger logger, string uid, string orderId, string realPrice);
}
