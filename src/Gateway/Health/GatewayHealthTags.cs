namespace Gateway.Health;

/// <summary>
/// Tags that put a health check on an endpoint. Register more readiness checks with
/// <c>services.AddHealthChecks().AddCheck&lt;T&gt;(name, tags: [GatewayHealthTags.Ready])</c>; the Redis
/// connection check of the state work goes there.
/// </summary>
public static class GatewayHealthTags
{
    /// <summary>Checks that must pass before the gateway takes traffic (<c>/health/ready</c>).</summary>
    public const string Ready = "ready";

    /// <summary>Checks that only fail when the process should be restarted (<c>/health/live</c>).</summary>
    public const string Live = "live";
}
