namespace Gateway.Sandbox.Notify;

/// <summary>Where an order's payment notify stands.</summary>
internal enum NotifyStatus
{
    /// <summary>The order is not paid, so there is nothing to send.</summary>
    NotSent,

    /// <summary>Queued or between retries.</summary>
    Pending,

    /// <summary>The merchant acknowledged the notify.</summary>
    Delivered,

    /// <summary>Every attempt of the retry schedule failed; the provider stops there too.</summary>
    GaveUp,

    /// <summary>Never sent, on purpose (the <c>notify_drop</c> fault).</summary>
    Dropped,
}
