namespace Gateway.Notify;

/// <summary>The <c>Gateway:Notify</c> section.</summary>
public sealed class NotifyOptions
{
    /// <summary>How long one process may hold a notify while applying it.</summary>
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a done notify is remembered: longer than WeChat's ~24 h retry window, with room to spare.</summary>
    public TimeSpan DoneRetention { get; set; } = TimeSpan.FromHours(72);
}
