namespace Gateway.Bulkheads;

/// <summary>
/// <c>Gateway:Providers:{instance}:Bulkhead</c>: how many calls one provider instance may have in flight,
/// how many may wait for a slot, and how long a call may take in all (waiting included).
/// </summary>
public sealed class BulkheadOptions
{
    /// <summary>Calls in flight at once.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Calls waiting for a slot; beyond that a call is refused at once.</summary>
    public int MaxQueue { get; set; } = 64;

    /// <summary>Time for one call, waiting included.</summary>
    public double TimeoutSeconds { get; set; } = 20;

    /// <summary>The section of <paramref name="instance"/>, relative to the <c>Gateway</c> section.</summary>
    public static string SectionFor(string instance) => $"Gateway:Providers:{instance}:Bulkhead";

    internal IEnumerable<string> Errors(string instance)
    {
        var path = SectionFor(instance);
        if (MaxConcurrency < 1)
        {
            yield return $"{path}:MaxConcurrency: must be at least 1.";
        }

        if (MaxQueue < 0)
        {
            yield return $"{path}:MaxQueue: must not be negative.";
        }

        if (!(TimeoutSeconds > 0 && TimeoutSeconds <= 300))
        {
            yield return $"{path}:TimeoutSeconds: must be more than 0 and at most 300.";
        }
    }
}
