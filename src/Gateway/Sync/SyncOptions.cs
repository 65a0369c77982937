namespace Gateway.Sync;

/// <summary>The <c>Gateway:Sync</c> section: asking providers about payments whose notify has not come.</summary>
public sealed class SyncOptions
{
    /// <summary>Delays after creation before each provider query; the last repeats until the payment expires.</summary>
    public List<TimeSpan>? Schedule { get; set; }

    /// <summary>The default: 30 s, 2 min, 10 min, 1 h (then hourly).</summary>
    public static IReadOnlyList<TimeSpan> DefaultSchedule { get; } =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    /// <summary>How often the worker looks for due payments.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The schedule in force.</summary>
    public IReadOnlyList<TimeSpan> EffectiveSchedule => Schedule is { Count: > 0 } schedule ? schedule : DefaultSchedule;
}
