using Gateway.Plugins;

namespace Gateway.Routing;

/// <summary>
/// <see cref="RoutingPolicies.Failover"/>: picks like <see cref="FirstRoutingPolicy"/> (benched instances are
/// already skipped), and additionally lets the payment creator retry once on the next instance when the
/// first attempt failed before the provider accepted anything.
/// </summary>
internal sealed class FailoverRoutingPolicy : IRoutingPolicy
{
    public string Name => RoutingPolicies.Failover;

    public ProviderInstanceState Pick(RouteState route, IReadOnlyList<ProviderInstanceState> candidates) => candidates[0];
}
