namespace Gateway.Routing;

/// <summary>The <c>Gateway:Routing</c> section.</summary>
public sealed class RoutingOptions
{
    /// <summary>The section path.</summary>
    public const string SectionName = "Gateway:Routing";

    /// <summary>
    /// How long an instance that failed transiently (timeout, transport error, 5xx, a transient provider
    /// code) is skipped by every policy, in seconds. Default 30.
    /// </summary>
    public int BenchSeconds { get; set; } = 30;
}
