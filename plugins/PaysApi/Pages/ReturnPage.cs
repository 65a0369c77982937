using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Microsoft.AspNetCore.Http;

namespace Gateway.Plugins.PaysApi.Pages;

/// <summary>
/// <c>/p/{instance}/return?orderid=…</c>, where PaysAPI sends the browser after paying. The query string
/// is only a lookup key, never proof of payment: the page shows what the store says (set by the verified
/// notify), and an id that is not this instance's shows the same "not found" as an id that does not exist.
/// </summary>
internal static class ReturnPage
{
    public static HtmlPage Render(PaymentView? payment)
    {
        if (payment is null)
        {
            return new HtmlPage(StatusCodes.Status404NotFound, "Payment", "<p id=\"status\" data-status=\"unknown\">Payment not found.</p>");
        }

        var (state, text) = payment.Status switch
        {
            PaymentStatus.Pending => ("pending", "等待支付结果… Waiting for the payment to be confirmed. This page refreshes itself."),
            PaymentStatus.Succeeded or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded => ("paid", "支付成功 Payment received."),
            // The money arrived but does not match the order (amount, timing): never tell the payer it was not completed.
            PaymentStatus.RequiresReview => ("review", "已收到付款，商家正在核对 Payment received; the shop is checking it."),
            _ => ("closed", "This payment was not completed."),
        };

        // A meta refresh, not script: the page allows none.
        var refresh = state == "pending" ? "<meta http-equiv=\"refresh\" content=\"5\">" : "";
        var body = refresh
            + $"<p id=\"status\" data-status=\"{state}\">{HtmlPage.Encode(text)}</p>"
            + $"<p>{HtmlPage.Encode(Yuan.Format(payment.Amount))} {HtmlPage.Encode(payment.Currency)}</p>";
        return new HtmlPage(StatusCodes.Status200OK, "Payment", body);
    }
}
