using Gateway.Client.Payments;

namespace Gateway.Client.Webhooks;

/// <summary>A gateway event (see docs/webhooks.md in the gateway repository).</summary>
/// <param name="Id">The event id, also in <c>Gateway-Event-Id</c>: dedupe on it.</param>
/// <param name="Type">One of <see cref="WebhookEventTypes"/>.</param>
/// <param name="CreatedAt">When the transition happened.</param>
/// <param name="Data">The payment at that moment.</param>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset CreatedAt, Payment Data);

/// <summary>Event types.</summary>
public static class WebhookEventTypes
{
    /// <summary>The payment was paid.</summary>
    public const string PaymentSucceeded = "payment.succeeded";

    /// <summary>The payment failed.</summary>
    public const string PaymentFailed = "payment.failed";

    /// <summary>The payment was closed unpaid.</summary>
    public const string PaymentClosed = "payment.closed";

    /// <summary>The payment expired unpaid.</summary>
    public const string PaymentExpired = "payment.expired";

    /// <summary>Money was received but is held for a person.</summary>
    public const string PaymentRequiresReview = "payment.requires_review";
}
