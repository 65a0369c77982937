using Gateway.Plugins.PaysApi.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Plugins.PaysApi;

internal sealed partial class PaysApiInstance
{
    /// <summary>
    /// The browser-facing pages under <c>/p/{instance}</c>: the auto-submitting pay form and the return
    /// page. Both read the payment through the directory, which only shows this instance's payments.
    /// </summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/pay/{paymentId}", async (string paymentId, HttpContext context)
            => PayPage.Render(await _payments.FindAsync(_instanceName, paymentId, context.RequestAborted).ConfigureAwait(false)))
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/return", async (HttpContext context) =>
        {
            var orderId = context.Request.Query["orderid"].ToString();
            var payment = orderId.Length == 0 ? null : await _payments.FindAsync(_instanceName, orderId, context.RequestAborted).ConfigureAwait(false);
            return ReturnPage.Render(payment);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
