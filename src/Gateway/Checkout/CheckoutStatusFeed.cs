using System.Text.Json;
using Gateway.Abstractions.Payments;
using Gateway.Store;

namespace Gateway.Checkout;

/// <summary>
/// The page's live status, read from the gateway's own store (notifies and the sync worker change it): never a
/// provider call, so an open page costs the provider nothing. SSE sends the status now and on every change,
/// with a comment every 15 s to keep proxies from closing the stream, and ends at a final status; the long
/// poll answers as soon as the status differs from <c>known</c>, or after <c>wait</c> seconds (at most 25).
/// </summary>
internal static class CheckoutStatusFeed
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(string id, string? t, HttpContext context, IPaymentStore store, CheckoutTokens tokens, CancellationToken cancellationToken)
    {
        if (await CheckoutEndpoints.OpenAsync(id, t, store, tokens, cancellationToken) is not { } payment)
        {
            await CheckoutEndpoints.NotFound().ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        string? sent = null;
        var quietSince = DateTime.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            var status = payment.Status.ToName();
            if (status != sent)
            {
                await response.WriteAsync($"event: status\ndata: {Json(payment)}\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                sent = status;
                quietSince = DateTime.UtcNow;
                if (payment.Status != PaymentStatus.Pending)
                {
                    return;
                }
            }
            else if (DateTime.UtcNow - quietSince > Heartbeat)
            {
                await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                quietSince = DateTime.UtcNow;
            }

            await Task.Delay(Interval, cancellationToken);
            payment = await store.GetAsync(id, cancellationToken) ?? payment;
        }
    }

    public static async Task<IResult> WaitAsync(string id, string? t, string? known, int? wait, IPaymentStore store, CheckoutTokens tokens, CancellationToken cancellationToken)
    {
        if (await CheckoutEndpoints.OpenAsync(id, t, store, tokens, cancellationToken) is not { } payment)
        {
            return CheckoutEndpoints.NotFound();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Clamp(wait ?? 0, 0, 25));
        while (payment.Status.ToName() == (known ?? "pending") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(Interval, cancellationToken);
            payment = await store.GetAsync(id, cancellationToken) ?? payment;
        }

        return Results.Text(Json(payment), "application/json");
    }

    private static string Json(PaymentRecord p) => JsonSerializer.Serialize(new { status = p.Status.ToName() });
}
