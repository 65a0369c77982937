using Gateway.Plugins;

namespace Gateway.Routing;

/// <summary><see cref="RoutingPolicies.First"/>: the first healthy instance in configuration order.</summary>
internal sealed class FirstRoutingPolicy : IRoutingPolicy
{
    public string Name => RoutingPolicies.First;

    public ProviderInstanceState Pick(RouteState route, IReadOnlyList<ProviderInstanceState> candidates) => candidates[0];
}
