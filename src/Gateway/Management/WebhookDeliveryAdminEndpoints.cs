using Gateway.Errors;
using Gateway.Webhooks;

namespace Gateway.Management;

/// <summary>
/// <c>/admin/webhook-deliveries</c>: the outbox events with their attempts, and re-sending one (it becomes
/// due at once; the receiver dedupes by event id).
/// </summary>
internal static class WebhookDeliveryAdminEndpoints
{
    public static void MapWebhookDeliveryAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/webhook-deliveries", ListAsync);
        admin.MapGet("/webhook-deliveries/{id}", GetAsync);
        admin.MapPost("/webhook-deliveries/{id}/resend", ResendAsync);
    }

    private static async Task<IResult> ListAsync(string? paymentId, string? status, int? limit, WebhookStore store, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 500)
        {
            return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 500."] });
        }

        var events = await store.ListAsync(paymentId, status, limit ?? 50, cancellationToken);
        return Results.Ok(new AdminList<WebhookEvent>(events));
    }

    private static async Task<IResult> GetAsync(string id, WebhookStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } webhook)
        {
            return NotFound(id);
        }

        return Results.Ok(new { webhook, attempts = await store.AttemptsAsync(id, cancellationToken) });
    }

    private static async Task<IResult> ResendAsync(string id, WebhookStore store, TimeProvider time, CancellationToken cancellationToken)
        => await store.ResendAsync(id, time.GetUtcNow(), cancellationToken) ? Results.Accepted($"/admin/webhook-deliveries/{id}", new { id, status = WebhookEventStatus.Pending }) : NotFound(id);

    private static IResult NotFound(string id)
        => GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such webhook event.", $"No event '{id}'.");
}
