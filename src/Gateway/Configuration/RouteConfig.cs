namespace Gateway.Configuration;

/// <summary>
/// A route from <c>Gateway:Routes:{id}</c>: which requests it matches and which provider instances
/// serve them.
/// </summary>
public sealed record RouteConfig
{
    /// <summary>The route id (the section name).</summary>
    public required string Id { get; init; }

    /// <summary>The channel matched, e.g. <c>wechat.native</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>Client ids matched; empty matches every client.</summary>
    public IReadOnlyList<string> Clients { get; init; } = [];

    /// <summary>Smallest amount matched (fen), inclusive.</summary>
    public long? MinAmount { get; init; }

    /// <summary>Largest amount matched (fen), inclusive.</summary>
    public long? MaxAmount { get; init; }

    /// <summary>Evaluation order; lower first. Routes with equal order keep configuration order.</summary>
    public int Order { get; init; }

    /// <summary>The provider instances, in preference order.</summary>
    public required IReadOnlyList<string> Instances { get; init; }

    /// <summary>
    /// Weights by instance for <see cref="Routing.RoutingPolicies.Weighted"/> (<c>Weights:{instance}</c>);
    /// an instance without one weighs 1, an instance weighing 0 is a standby.
    /// </summary>
    public IReadOnlyDictionary<string, int> Weights { get; init; } = new Dictionary<string, int>();

    /// <summary>How an instance is picked: see <see cref="Routing.RoutingPolicies"/>.</summary>
    public string Policy { get; init; } = Routing.RoutingPolicies.First;
}
