namespace Gateway.Abstractions.Payments;

/// <summary>The life cycle of a payment: <c>pending → succeeded | failed | closed | expired</c>; <c>succeeded → partially_refunded | refunded</c>.</summary>
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
}
