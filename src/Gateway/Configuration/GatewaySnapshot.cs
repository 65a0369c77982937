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
    private IReadOnlyList<LoadedPlugin>? _plugins;

    /// <summary>A snapshot with nothing in it, before the first load.</summary>
    public static GatewaySnapshot Empty { get; } = new(
        FrozenDictionary<string, ClientConfig>.Empty,
        FrozenDictionary<string, ClientConfig>.Empty,
        FrozenDictionary<string, ProviderInstanceState>.Empty,
        new RouteTable([]));

    /// <summary>
    /// Configured instances and routes that are inactive because their plugin is not loaded (yet), each
    /// naming the key and the reason. They become active when the plugin folder appears.
    /// </summary>
    public IReadOnlyList<string> Inactive { get; init; } = [];

    /// <summary>The plugin versions this snapshot's instances run on (what a request leases).</summary>
    public IReadOnlyList<LoadedPlugin> Plugins => _plugins ??= Instances.Values.Select(i => i.Plugin).Distinct().ToList();
}
