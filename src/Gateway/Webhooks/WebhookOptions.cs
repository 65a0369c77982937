namespace Gateway.Webhooks;

/// <summary>The <c>Gateway:Webhooks</c> section.</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Delay before each retry after a failed attempt; about a day in all (the first attempt is at once).
    /// The event is given up (<c>failed</c>, visible to ops, re-sendable) after the last.
    /// </summary>
    public List<TimeSpan>? RetrySchedule { get; set; }

    /// <summary>The default schedule: 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h (≈ 23.7 h).</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetrySchedule { get; } =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    /// <summary>How often the dispatcher looks for due events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a dispatcher holds a claimed event. An event claimed by a process that died before it
    /// recorded the attempt becomes due again when this ends, so it bounds how late such an event is
    /// re-sent after a crash. Kept well above <see cref="Timeout"/> (never below twice it), so a live
    /// attempt is never claimed by another process.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The lease in force: <see cref="Lease"/>, but at least twice <see cref="Timeout"/>.</summary>
    public TimeSpan EffectiveLease => Lease > Timeout * 2 ? Lease : Timeout * 2;

    /// <summary>The schedule in force.</summary>
    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Count: > 0 } schedule ? schedule : DefaultRetrySchedule;
}
