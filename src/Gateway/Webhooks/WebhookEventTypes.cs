using Gateway.Abstractions.Payments;

namespace Gateway.Webhooks;

/// <summary>The merchant webhook event types.</summary>
internal static class WebhookEventTypes
{
    public const string PaymentSucceeded = "payment.succeeded";
    public const string PaymentFailed = "payment.failed";
    public const string PaymentClosed = "payment.closed";
    public const string PaymentExpired = "payment.expired";
    public const string RefundSucceeded = "refund.succeeded";
    public const string RefundFailed = "refund.failed";

    /// <summary>Money was received but is held for a person (see the payment's reviewReason).</summary>
    public const string PaymentRequiresReview = "payment.requires_review";

    /// <summary>The event a transition into <paramref name="status"/> emits.</summary>
    public static string? For(PaymentStatus status) => status switch
    {
        PaymentStatus.Succeeded => PaymentSucceeded,
        PaymentStatus.Failed => PaymentFailed,
        PaymentStatus.Closed => PaymentClosed,
        PaymentStatus.Expired => PaymentExpired,
        PaymentStatus.RequiresReview => PaymentRequiresReview,
        _ => null,
    };
}
