using System.Text.Json.Nodes;
using Gateway.Sandbox.Faults;
using Gateway.Sandbox.PaysApi.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.PaysApi.Api;

/// <summary>
/// <c>POST {prefix}/paysapi/</c>, PaysAPI's one entry point: a browser form post gets the hosted pay page;
/// <c>?format=json</c> gets <c>{code, msg, data:{qrcode, istype, realprice}, url}</c> (docs/protocols.md §E1).
/// </summary>
internal static class PayEndpoints
{
    // The message the third-party sample shows on success ("paid instantly; contact us if it does not arrive").
    private const string SuccessMsg = "付款即时到账 未到账可联系我们";

    public static void Map(IEndpointRouteBuilder paysApi)
        => paysApi.MapPost("/", HandleAsync).DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(HttpContext context, PayRequestReader reader, PaysApiOrderBook orders, FaultBook faults, TimeProvider time)
    {
        var json = string.Equals(context.Request.Query["format"], "json", StringComparison.OrdinalIgnoreCase);
        if (!context.Request.HasFormContentType)
        {
            return Refuse(json, PayRefusal.MissingField("uid"));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            // Past the form reader's limits (key or value length, field count): as unreadable as no form at all.
            return Refuse(json, PayRefusal.MissingField("uid"));
        }

        var terms = reader.Read(form, out var refusal);
        if (terms is null)
        {
            return Refuse(json, refusal!);
        }

        // The page_latency fault: a slow pay page (the order is placed once the delay is over).
        if (faults.Take(terms.Uid, FaultKinds.PageLatency) is { } slow)
        {
            await Task.Delay(FaultDelay.Of(slow), time, context.RequestAborted).ConfigureAwait(false);
        }

        var order = orders.Place(terms);
        if (order is null)
        {
            return Refuse(json, PayRefusal.OrderIdUsed());
        }

        var snapshot = order.Snapshot();
        return json ? Results.Json(Success(snapshot, context)) : PayPages.Order(snapshot);
    }

    private static JsonObject Success(PaysApiOrderSnapshot order, HttpContext context) => new()
    {
        ["msg"] = SuccessMsg,
        ["data"] = new JsonObject
        {
            ["qrcode"] = order.QrCode,
            ["istype"] = order.Terms.IsType,
            // A JSON number like the sample's 0.05, written from the wire text so no float is involved.
            ["realprice"] = JsonNode.Parse(order.Terms.Price),
        },
        ["code"] = 1,
        ["url"] = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/",
    };

    private static IResult Refuse(bool json, PayRefusal refusal)
        => json
            ? Results.Json(new JsonObject { ["msg"] = refusal.Msg, ["data"] = null, ["code"] = refusal.Code, ["url"] = "" })
            : PayPages.Error(refusal);
}
