using System.Text.Json;
using Gateway.Abstractions.Payments;
using Gateway.PaymentChanges;
using Gateway.Store;
using Microsoft.Extensions.Options;

namespace Gateway.Checkout;

/// <summary>
/// The page's live status, read from the gateway's own store (notifies and the sync worker change it): never a
/// provider call, so an open page costs the provider nothing. The store's change message wakes the stream
/// (<see cref="PaymentChangeSignal"/>, across processes through Redis), and a slow fallback poll
/// (<see cref="CheckoutOptions.StatusFallbackPollSeconds"/>) covers a lost message. SSE sends the status now and
/// on every change, with a comment every 15 s to keep proxies from closing the stream, and ends at a final
/// status; the long poll answers as soon as the status differs from <c>known</c>, or after <c>wait</c> seconds
/// (at most 25).
/// </summary>
internal static class CheckoutStatusFeed
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(string id, string? t, HttpContext context, IPaymentStore store, CheckoutTokens tokens,
        PaymentChangeSignal changes, IOptions<CheckoutOptions> options, CancellationToken cancellationToken)
    {
        // Watch before the first read, so a change between the read and the first wait still wakes it.
        using var watch = changes.Watch(id);
        if (await CheckoutEndpoints.OpenAsync(id, t, store, tokens, cancellationToken) is not { } payment)
        {
            await CheckoutEndpoints.NotFound().ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        var poll = TimeSpan.FromSeconds(options.Value.StatusFallbackPollSeconds);
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
            else if (DateTime.UtcNow - quietSince >= Heartbeat)
            {
                await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                quietSince = DateTime.UtcNow;
            }

            // Woken by a change, or at the fallback poll or the heartbeat, whichever comes first: then read again.
            var untilHeartbeat = Heartbeat - (DateTime.UtcNow - quietSince);
            await watch.WaitAsync(untilHeartbeat < poll ? Max(untilHeartbeat, TimeSpan.Zero) : poll, cancellationToken);
            payment = await store.GetAsync(id, cancellationToken) ?? payment;
        }
    }

    public static async Task<IResult> WaitAsync(string id, string? t, string? known, int? wait, IPaymentStore store, CheckoutTokens tokens,
        PaymentChangeSignal changes, IOptions<CheckoutOptions> options, CancellationToken cancellationToken)
    {
        using var watch = changes.Watch(id);
        if (await CheckoutEndpoints.OpenAsync(id, t, store, tokens, cancellationToken) is not { } payment)
        {
            return CheckoutEndpoints.NotFound();
        }

        var poll = TimeSpan.FromSeconds(options.Value.StatusFallbackPollSeconds);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Clamp(wait ?? 0, 0, 25));
        while (payment.Status.ToName() == (known ?? "pending") && deadline - DateTime.UtcNow is { Ticks: > 0 } left)
        {
            await watch.WaitAsync(left < poll ? left : poll, cancellationToken);
            payment = await store.GetAsync(id, cancellationToken) ?? payment;
        }

        return Results.Text(Json(payment), "application/json");
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Json(PaymentRecord p) => JsonSerializer.Serialize(new { status = p.Status.ToName() });
}
