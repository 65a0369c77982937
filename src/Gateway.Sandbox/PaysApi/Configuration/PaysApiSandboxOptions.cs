namespace Gateway.Sandbox.PaysApi.Configuration;

/// <summary>Settings of the simulated PaysAPI, bound from the sandbox section's <c>PaysApi</c> child.</summary>
public sealed class PaysApiSandboxOptions
{
    /// <summary>The configuration key of this section below the sandbox section.</summary>
    public const string SectionName = "PaysApi";

    /// <summary>
    /// PaysAPI does not document its notify retries (docs/protocols.md §E4); this schedule is the sandbox's own
    /// guess: immediate, then after 5 s, 30 s, 1 min, 5 min, 15 min and 1 h.
    /// </summary>
    public static IReadOnlyList<TimeSpan> DefaultNotifyRetrySchedule { get; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
    ];

    /// <summary>The accounts the sandbox knows; any other <c>uid</c> is refused.</summary>
    public List<PaysApiSandboxMerchantOptions> Merchants { get; set; } = [];

    /// <summary>
    /// Delays between notify attempts. Null here because the configuration binder appends to a pre-filled
    /// list; <see cref="DefaultNotifyRetrySchedule"/> is applied after binding.
    /// </summary>
    public List<TimeSpan>? NotifyRetrySchedule { get; set; }

    /// <summary>How long the sandbox waits for the merchant's notify reply.</summary>
    public TimeSpan NotifyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
