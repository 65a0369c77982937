namespace Gateway.Sandbox.Notify;

/// <summary>
/// One POST of a payment notify and how the merchant answered. <see cref="Reply"/> is cut to a few
/// hundred characters: it is for a human reading the order view, not an archive.
/// </summary>
internal sealed record NotifyAttempt(
    int Number,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    NotifyOutcome Outcome,
    int? HttpStatus,
    string? Reply,
    string? Error);

/// <summary>How one notify attempt ended; only <see cref="Delivered"/> stops the retries.</summary>
internal enum NotifyOutcome
{
    /// <summary>The merchant acknowledged in the provider's format (WeChat: <c>return_code=SUCCESS</c>; PaysAPI: <c>success</c>).</summary>
    Delivered,

    /// <summary>The merchant answered, but not with an acknowledgement (FAIL, another body, HTTP error status).</summary>
    Rejected,

    /// <summary>No answer within NotifyTimeout.</summary>
    TimedOut,

    /// <summary>The connection failed.</summary>
    Unreachable,
}
