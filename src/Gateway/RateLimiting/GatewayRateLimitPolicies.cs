namespace Gateway.RateLimiting;

/// <summary>Names of the gateway's rate-limit policies.</summary>
internal static class GatewayRateLimitPolicies
{
    /// <summary>The unified API: per client id (per remote IP before authentication).</summary>
    public const string Api = nameof(Api);

    /// <summary>Provider callbacks (the policy name in metrics; the limits are <c>NotifyIntakeLimits</c>).</summary>
    public const string Notify = nameof(Notify);
}
