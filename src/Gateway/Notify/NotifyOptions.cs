namespace Gateway.Notify;

/// <summary>The <c>Gateway:Notify</c> section.</summary>
public sealed class NotifyOptions
{
    /// <summary>How long one process may hold a notify while applying it.</summary>
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a done notify is remembered: longer than WeChat's ~24 h retry window, with room to spare.</summary>
    public TimeSpan DoneRetention { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// Without Redis: how many done notifies this process remembers (about 100 bytes each); beyond it the oldest
    /// are forgotten first, and a copy of a forgotten one takes the full path, which changes nothing and answers it.
    /// </summary>
    public int InProcessDedupeCapacity { get; set; } = 100_000;

    /// <summary>How long the notify inbox keeps a notify; older ones are trimmed in bounded batches.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the inbox trim looks for expired notifies when the last look found none.</summary>
    public TimeSpan InboxTrimInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many notifies that failed verification are sampled per instance and minute (the rest are only counted in logs and metrics).</summary>
    public int RejectedSamplesPerMinute { get; set; } = 10;

    /// <summary>How much of a rejected notify's body its sample keeps.</summary>
    public int RejectedSampleBytes { get; set; } = 256;

    /// <summary>How long samples of rejected notifies are kept.</summary>
    public TimeSpan RejectedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many records (duplicate notifies' inbox rows, rejected samples) may wait to be written off the request path.</summary>
    public int RecordQueueCapacity { get; set; } = 10_000;
}
