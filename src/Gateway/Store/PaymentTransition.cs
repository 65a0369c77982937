using Gateway.Abstractions.Payments;

namespace Gateway.Store;

/// <summary>
/// A conditional state change: applied only if the payment is still in one of <see cref="From"/>, so a
/// replayed notify, a racing sync and a late close cannot double-apply.
/// </summary>
internal sealed record PaymentTransition(string PaymentId, IReadOnlyList<PaymentStatus> From, PaymentStatus To)
{
    public string? ProviderTransactionId { get; init; }
    public long? PaidAmount { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>For a transition into review: the reason code (<see cref="ReviewReasons"/>) and its detail.</summary>
    public string? ReviewReason { get; init; }
    public string? ReviewDetail { get; init; }

    /// <summary>
    /// For a transition into review under OnUnexpectedPayment=Refund: the id of the refund about to give the money
    /// back, so the review's webhook can name it. A payment in review with this set leaves review only by that refund.
    /// </summary>
    public string? ReviewRefundId { get; init; }

    /// <summary>
    /// When set, applied only while the payment is still served by this provider instance: a report from the instance
    /// an aggregated checkout has just left (its order closed for the switch) must not end the payment.
    /// </summary>
    public string? ProviderInstance { get; init; }

    /// <summary>
    /// The merchant webhook event this transition emits (e.g. <c>payment.succeeded</c>), written in the same
    /// database transaction as the state change (transactional outbox), or null for none.
    /// </summary>
    public string? EventType { get; init; }

    /// <summary>A write that commits in the same transaction when this transition applies (the notify's inbox row), or null.</summary>
    public ITransitionAttachment? Attachment { get; init; }
}
