namespace Gateway.Refunds;

/// <summary>The <c>Gateway:Refunds</c> section: asking providers about refunds whose notify has not come.</summary>
public sealed class RefundOptions
{
    /// <summary>Delays after creation before each provider query; the last repeats until the refund ends.</summary>
    public List<TimeSpan>? SyncSchedule { get; set; }

    /// <summary>The default: 30 s, 2 min, 10 min, 1 h (then hourly).</summary>
    public static IReadOnlyList<TimeSpan> DefaultSyncSchedule { get; } =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    /// <summary>How often the worker looks for due refunds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The schedule in force.</summary>
    public IReadOnlyList<TimeSpan> EffectiveSchedule => SyncSchedule is { Count: > 0 } schedule ? schedule : DefaultSyncSchedule;
}
