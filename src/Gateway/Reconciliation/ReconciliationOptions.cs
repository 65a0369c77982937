namespace Gateway.Reconciliation;

/// <summary>The <c>Gateway:Reconciliation</c> section: the daily run of every instance's statement against the ledger.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>Runs the daily schedule (on-demand runs through the admin API work either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When, in Beijing time, yesterday's statements are reconciled. WeChat's bills are ready after 9:00; 10:00 by default.</summary>
    public TimeSpan RunAt { get; set; } = TimeSpan.FromHours(10);

    /// <summary>How often the scheduler looks for a day to reconcile or a failed run to retry.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Delays before retrying a failed run (bill not ready, network); after the last, the day waits for an admin.</summary>
    public List<TimeSpan>? RetrySchedule { get; set; }

    /// <summary>The default backoff: 5 min, 15 min, 30 min, 1 h, 2 h, 4 h.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetrySchedule { get; } =
        [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4)];

    /// <summary>The longest one run may hold its instance and day; another process takes over after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The retry schedule in force.</summary>
    public IReadOnlyList<TimeSpan> EffectiveRetrySchedule => RetrySchedule is { Count: > 0 } schedule ? schedule : DefaultRetrySchedule;

    /// <summary>The provider's calendar: WeChat Pay's days are Beijing days (UTC+8).</summary>
    public static TimeSpan ProviderDayOffset { get; } = TimeSpan.FromHours(8);

    /// <summary>The instant <paramref name="day"/> starts in the provider's calendar.</summary>
    public static DateTimeOffset DayStart(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ProviderDayOffset);

    /// <summary>The provider's day at <paramref name="now"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(ProviderDayOffset).DateTime);
}
