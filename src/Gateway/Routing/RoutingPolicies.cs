namespace Gateway.Routing;

/// <summary>The names of the built-in routing policies (<c>Gateway:Routes:{id}:Policy</c>).</summary>
public static class RoutingPolicies
{
    /// <summary>Always the first healthy instance of the route.</summary>
    public const string First = nameof(First);

    /// <summary>The healthy instances in turn.</summary>
    public const string RoundRobin = nameof(RoundRobin);

    /// <summary>Spread by <c>Weights:{instance}</c> (default 1; 0 = standby).</summary>
    public const string Weighted = nameof(Weighted);

    /// <summary>The first healthy instance; a create that fails transiently is retried once on the next.</summary>
    public const string Failover = nameof(Failover);
}
