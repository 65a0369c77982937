namespace Gateway.Abstractions.Payments;

/// <summary>
/// The life cycle of a payment: <c>pending → succeeded | failed | closed | expired | requires_review</c>;
/// <c>succeeded → partially_refunded | refunded</c>. Money received never ends failed, closed or expired:
/// a verified success moves a failed payment to succeeded and a closed or expired one to requires_review.
/// </summary>
public enum PaymentStatus
{
    /// <summary>Created, not paid yet.</summary>
    Pending,

    /// <summary>Paid.</summary>
    Succeeded,

    /// <summary>The payment failed at the provider.</summary>
    Failed,

    /// <summary>Closed before it was paid.</summary>
    Closed,

    /// <summary>Closed because it passed its expiry.</summary>
    Expired,

    /// <summary>Paid, then refunded in part.</summary>
    PartiallyRefunded,

    /// <summary>Paid, then refunded in full.</summary>
    Refunded,

    /// <summary>
    /// Money was received but cannot simply count as this payment (paid another amount, after the close, or
    /// a second payment of the order): held for a person. Set by the host only; plugins never report it.
    /// </summary>
    RequiresReview,
}
