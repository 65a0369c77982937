using System.Collections.Frozen;
using Gateway.Plugins;
using Gateway.Routing;

namespace Gateway.Configuration;

/// <summary>
/// Everything a request needs to be routed, immutable: clients by key hash, live provider instances by
/// name, and the route table. Replaced as a whole on reload.
/// </summary>
internal sealed record GatewaySnapshot(
    FrozenDictionary<string, ClientConfig> ClientsByKeyHash,
    FrozenDictionary<string, ClientConfig> Clients,
    FrozenDictionary<string, ProviderInstanceState> Instances,
    RouteTable Routes)
{
    /// <summary>A snapshot with nothing in it, before the first load.</summary>
    public static GatewaySnapshot Empty { get; } = new(
        FrozenDictionary<string, ClientConfig>.Empty,
        FrozenDictionary<string, ClientConfig>.Empty,
        FrozenDictionary<string, ProviderInstanceState>.Empty,
        new RouteTable([]));
}
