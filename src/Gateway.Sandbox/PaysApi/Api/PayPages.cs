using System.Text.Encodings.Web;
using Gateway.Sandbox.PaysApi.Orders;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.PaysApi.Api;

/// <summary>
/// The hosted pay page of redirect mode: the QR content, and a button that plays the payer (it calls
/// <c>pay</c> beside this page, then follows return_url like PaysAPI does). Every value is HTML/JS-encoded.
/// </summary>
internal static class PayPages
{
    public static IResult Order(PaysApiOrderSnapshot order)
    {
        var t = order.Terms;
        var html = $$"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>PaysAPI sandbox</title></head><body>
            <h1>PaysAPI sandbox</h1>
            <p>{{Html(t.GoodsName)}} — ¥<span id="price">{{Html(t.Price)}}</span> ({{(t.IsType == "1" ? "Alipay" : "WeChat Pay")}})</p>
            <p>QR: <code id="qrcode">{{Html(order.QrCode)}}</code></p>
            <p>orderid: <code id="orderid">{{Html(t.OrderId)}}</code></p>
            <button id="pay" type="button">Pay (simulated payer)</button>
            <script>
            document.getElementById('pay').onclick = async function () {
              var r = await fetch('pay', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ uid: '{{Js(t.Uid)}}', orderid: '{{Js(t.OrderId)}}' }) });
              if (r.ok) { location.href = '{{Js(t.ReturnUrl)}}'; } else { alert('pay failed: ' + r.status); }
            };
            </script></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: StatusCodes.Status200OK);
    }

    public static IResult Error(PayRefusal refusal)
        => Results.Content(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>PaysAPI</title></head><body><p id=\"error\" data-code=\"{refusal.Code}\">{Html(refusal.Msg)}</p></body></html>",
            "text/html; charset=utf-8",
            statusCode: StatusCodes.Status400BadRequest);

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);

    private static string Js(string text) => JavaScriptEncoder.Default.Encode(text);
}
