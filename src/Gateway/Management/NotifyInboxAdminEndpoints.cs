using System.Text;
using Gateway.Errors;
using Gateway.Notify;

namespace Gateway.Management;

/// <summary>
/// <c>/admin/notify-inbox</c>: every verified notify as received, samples of rejected ones (<c>/admin/notify-rejections</c>), and re-driving one through the same pipeline once
/// ops have fixed what made it fail (a wrong key, a missing instance). Re-driving is safe to repeat: the
/// pipeline is idempotent.
/// </summary>
internal static class NotifyInboxAdminEndpoints
{
    public static void MapNotifyInboxAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/notify-inbox", ListAsync);
        admin.MapGet("/notify-inbox/{id}", GetAsync);
        admin.MapPost("/notify-inbox/{id}/redrive", RedriveAsync);
        admin.MapGet("/notify-rejections", RejectionsAsync);
    }

    // Samples of notifies that failed verification (capped per instance and minute; never the whole body).
    private static async Task<IResult> RejectionsAsync(string? instance, int? limit, NotifyRejectionLog rejections, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 500)
        {
            return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 500."] });
        }

        return Results.Ok(new AdminList<NotifyRejection>(await rejections.ListAsync(instance, limit ?? 50, cancellationToken)));
    }

    private static async Task<IResult> ListAsync(string? instance, string? outcome, int? limit, NotifyInbox inbox, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 500)
        {
            return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 500."] });
        }

        var entries = await inbox.ListAsync(instance, outcome, limit ?? 50, cancellationToken);
        return Results.Ok(new AdminList<AdminNotify>(entries.Select(e => AdminNotify.From(e, withBody: false)).ToList()));
    }

    private static async Task<IResult> GetAsync(string id, NotifyInbox inbox, CancellationToken cancellationToken)
        => await inbox.GetAsync(id, cancellationToken) is { } entry ? Results.Ok(AdminNotify.From(entry, withBody: true)) : NotFound(id);

    private static async Task<IResult> RedriveAsync(string id, NotifyReceiver receiver, CancellationToken cancellationToken)
    {
        var result = await receiver.RedriveAsync(id, cancellationToken);
        return result is null
            ? GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "Cannot re-drive.", $"No notify '{id}', or its instance is not live.")
            : Results.Ok(new { id, result.Outcome, result.PaymentId, ack = result.Ack.Body });
    }

    private static IResult NotFound(string id)
        => GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such notify.", $"No notify '{id}' in the inbox.");
}

/// <summary>A stored notify as ops see it; the body only on the single-entry view.</summary>
internal sealed record AdminNotify(
    string Id, string Instance, string Kind, DateTimeOffset ReceivedAt, string? ContentType, int Size, string? Outcome, string? PaymentId,
    DateTimeOffset? ProcessedAt, IReadOnlyDictionary<string, string>? Headers, string? Body)
{
    public static AdminNotify From(NotifyInboxEntry e, bool withBody) => new(
        e.Id, e.Instance, e.Kind, e.ReceivedAt, e.ContentType, e.Body.Length, e.Outcome, e.PaymentId, e.ProcessedAt,
        withBody ? e.Headers : null, withBody ? Encoding.UTF8.GetString(e.Body) : null);
}
