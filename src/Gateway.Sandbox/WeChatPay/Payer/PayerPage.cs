using System.Net;
using Gateway.Sandbox.WeChatPay.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>
/// The scan-and-pay JSON call as a page a person can use: <c>GET /payer?codeUrl=…</c> shows the order and a
/// "Pay" button, which posts back and pays it exactly as <c>POST /scan</c> does (notify included).
/// </summary>
internal static class PayerPage
{
    private const string Csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder wechat)
    {
        wechat.MapGet("/payer", Show).ExcludeFromDescription();
        wechat.MapPost("/payer", PayAsync).DisableAntiforgery().ExcludeFromDescription();
    }

    private static IResult Show(string? codeUrl, OrderBook orders, HttpContext context)
    {
        var order = codeUrl is null ? null : orders.FindByCodeUrl(codeUrl);
        if (order is null)
        {
            return Page(context, "Unknown code", "<p>The sandbox has no order for this code.</p>", StatusCodes.Status404NotFound);
        }

        var body = $"<p>Merchant {E(order.Terms.MchId)}, order {E(order.Terms.OutTradeNo)}</p><p><b>¥{order.Terms.TotalFee / 100m:0.00}</b></p>" +
            $"<form method=\"post\"><input type=\"hidden\" name=\"codeUrl\" value=\"{E(codeUrl!)}\"><button id=\"pay\" type=\"submit\">Pay</button></form>";
        return Page(context, "WeChat Pay sandbox", body, StatusCodes.Status200OK);
    }

    private static async Task<IResult> PayAsync(HttpContext context, OrderBook orders, PaymentSimulator payer)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var codeUrl = form["codeUrl"].ToString();
        var order = orders.FindByCodeUrl(codeUrl);
        if (order is null)
        {
            return Page(context, "Unknown code", "<p>The sandbox has no order for this code.</p>", StatusCodes.Status404NotFound);
        }

        var paid = payer.Pay(order) is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK };
        return Page(context, paid ? "Paid" : "Not paid",
            paid ? "<p id=\"result\">Paid. The notify is on its way; go back to the checkout page.</p>" : "<p id=\"result\">This order cannot be paid (paid, closed or expired).</p>",
            paid ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }

    private static IResult Page(HttpContext context, string title, string body, int status)
    {
        context.Response.Headers.ContentSecurityPolicy = Csp;
        var html = "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
            $"<title>{E(title)}</title><style>body{{font:16px system-ui,sans-serif;max-width:420px;margin:24px auto;padding:0 16px;text-align:center}}" +
            "button{background:#07c160;color:#fff;border:0;border-radius:8px;padding:12px 32px;font-size:16px}</style></head>" +
            $"<body><h1>{E(title)}</h1>{body}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
