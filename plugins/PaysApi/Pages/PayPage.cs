using System.Text;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Microsoft.AspNetCore.Http;

namespace Gateway.Plugins.PaysApi.Pages;

/// <summary>
/// <c>/p/{instance}/pay/{paymentId}</c>: the stored form_post action as a hidden form that submits itself
/// to PaysAPI, so a caller only has to redirect the browser here. Holds the signed fields, never the token.
/// </summary>
internal static class PayPage
{
    private const string AutoSubmit = "document.getElementById('paysapi').submit();";

    public static HtmlPage Render(PaymentView? payment)
    {
        if (payment is null)
        {
            return Message(StatusCodes.Status404NotFound, "Payment not found.");
        }

        if (payment.Status != PaymentStatus.Pending)
        {
            return Message(StatusCodes.Status409Conflict, "This payment can no longer be paid here.");
        }

        if (payment.Action is not { Type: PaymentActionTypes.FormPost, Url: { } url, Parameters: { } fields })
        {
            return Message(StatusCodes.Status404NotFound, "This payment has no pay form.");
        }

        var body = new StringBuilder()
            .Append("<form id=\"paysapi\" method=\"post\" action=\"").Append(HtmlPage.Encode(url)).Append("\">");
        foreach (var (name, value) in fields)
        {
            body.Append("<input type=\"hidden\" name=\"").Append(HtmlPage.Encode(name))
                .Append("\" value=\"").Append(HtmlPage.Encode(value)).Append("\">");
        }

        body.Append("<p>正在跳转到支付页面… Redirecting to the payment page…</p>")
            .Append("<noscript><button type=\"submit\">Pay / 去支付</button></noscript></form>");
        return new HtmlPage(StatusCodes.Status200OK, "Pay", body.ToString(), AutoSubmit);
    }

    private static HtmlPage Message(int status, string text)
        => new(status, "Pay", "<p>" + HtmlPage.Encode(text) + "</p>");
}
