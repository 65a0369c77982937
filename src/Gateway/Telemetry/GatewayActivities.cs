using System.Diagnostics;
using Gateway.Abstractions.Hosting;

namespace Gateway.Telemetry;

/// <summary>
/// Span names and the one way to start a span that belongs to an existing payment. A payment's later
/// steps (notify, sync, close, webhook delivery) run in other traces; each links back to the create span
/// through the traceparent stored with the payment, so a trace viewer can follow one payment end to end.
/// </summary>
internal static class GatewayActivities
{
    public const string Create = "payment.create";
    public const string Route = "payment.route";
    public const string NotifyHandle = "notify.handle";
    public const string NotifyApply = "notify.apply";
    public const string Sync = "payment.sync";
    public const string Close = "payment.close";

    /// <summary>For the webhook delivery work: start it with <see cref="StartForPayment"/> so it links to the create.</summary>
    public const string WebhookDeliver = "webhook.deliver";

    /// <summary>The name of the span around one call into a provider instance, e.g. <c>provider create</c>.</summary>
    public static string ProviderCall(string operation) => "provider " + operation;

    /// <summary>Starts a span for work on <paramref name="paymentId"/>, linked to the payment's create span.</summary>
    public static Activity? StartForPayment(string name, string paymentId, string? createTraceParent, ActivityKind kind = ActivityKind.Internal)
    {
        ActivityLink[]? links = CreateLink(createTraceParent) is { } link ? [link] : null;
        var activity = GatewayActivitySource.Instance.StartActivity(name, kind, parentContext: default, links: links);
        activity?.SetTag("payment.id", paymentId);
        return activity;
    }

    /// <summary>
    /// Links a span started before its payment was known (a notify is applied before anything is read) to the
    /// payment's create span.
    /// </summary>
    public static void LinkToCreate(Activity? activity, string? createTraceParent)
    {
        if (activity is not null && CreateLink(createTraceParent) is { } link)
        {
            activity.AddLink(link);
        }
    }

    private static ActivityLink? CreateLink(string? createTraceParent)
        => createTraceParent is not null && ActivityContext.TryParse(createTraceParent, null, out var created)
            ? new ActivityLink(created, new ActivityTagsCollection { ["link.kind"] = "payment.create" })
            : null;
}
