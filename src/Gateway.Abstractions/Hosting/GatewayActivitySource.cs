using System.Diagnostics;

namespace Gateway.Abstractions.Hosting;

/// <summary>
/// The one <see cref="ActivitySource"/> host and plugins trace with, so that the host's tracer picks
/// plugin spans up without knowing plugin names.
/// </summary>
public static class GatewayActivitySource
{
    /// <summary>The source name to subscribe to.</summary>
    public const string Name = "Gateway";

    /// <summary>The shared source.</summary>
    public static ActivitySource Instance { get; } = new(Name);
}
