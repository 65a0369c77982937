using Gateway.Plugins;

namespace Gateway.Routing;

/// <summary><see cref="RoutingPolicies.RoundRobin"/>: the healthy instances in turn.</summary>
internal sealed class RoundRobinRoutingPolicy : IRoutingPolicy
{
    public string Name => RoutingPolicies.RoundRobin;

    public ProviderInstanceState Pick(RouteState route, IReadOnlyList<ProviderInstanceState> candidates)
    {
        // Unsigned so the counter wrapping after 2^63 picks never gives a negative index.
        var turn = (ulong)route.Cursor.NextTurn();
        return candidates[(int)(turn % (ulong)candidates.Count)];
    }
}
