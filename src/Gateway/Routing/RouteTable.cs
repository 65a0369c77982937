using Gateway.Configuration;
using Gateway.Plugins;

namespace Gateway.Routing;

/// <summary>A route with its resolved instances and policy.</summary>
internal sealed record RouteState(RouteConfig Config, IReadOnlyList<ProviderInstanceState> Instances, IRoutingPolicy Policy)
{
    /// <summary>The state of stateful policies (round-robin turn, smooth weights).</summary>
    public RouteCursor Cursor { get; } = new();

    /// <summary>The configured weight of an instance for <see cref="RoutingPolicies.Weighted"/>; 1 when not configured.</summary>
    public int WeightOf(string instance) => Config.Weights.TryGetValue(instance, out var weight) ? weight : 1;

    /// <summary>True when the route matches a request.</summary>
    public bool Matches(string channel, string clientId, long amount)
        => string.Equals(Config.Channel, channel, StringComparison.Ordinal)
            && (Config.Clients.Count == 0 || Config.Clients.Contains(clientId, StringComparer.Ordinal))
            && (Config.MinAmount is null || amount >= Config.MinAmount)
            && (Config.MaxAmount is null || amount <= Config.MaxAmount);
}

/// <summary>The routes in evaluation order; the first that matches a request wins.</summary>
internal sealed class RouteTable
{
    private readonly IReadOnlyList<RouteState> _routes;

    public RouteTable(IEnumerable<RouteState> routes)
    {
        // OrderBy is stable, so routes with equal Order keep configuration order.
        _routes = routes.OrderBy(r => r.Config.Order).ToList();
    }

    /// <summary>All routes in evaluation order.</summary>
    public IReadOnlyList<RouteState> Routes => _routes;

    /// <summary>The first route matching the request, or null.</summary>
    public RouteState? Match(string channel, string clientId, long amount)
        => _routes.FirstOrDefault(r => r.Matches(channel, clientId, amount));
}
