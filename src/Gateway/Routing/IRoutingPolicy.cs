using Gateway.Plugins;

namespace Gateway.Routing;

/// <summary>Picks the provider instance a new payment goes to, among a route's instances.</summary>
internal interface IRoutingPolicy
{
    /// <summary>The name configuration uses (see <see cref="RoutingPolicies"/>).</summary>
    string Name { get; }

    /// <summary>Picks one of <paramref name="instances"/> (never empty).</summary>
    ProviderInstanceState Pick(IReadOnlyList<ProviderInstanceState> instances);
}

/// <summary><see cref="RoutingPolicies.First"/>.</summary>
internal sealed class FirstRoutingPolicy : IRoutingPolicy
{
    public string Name => RoutingPolicies.First;

    public ProviderInstanceState Pick(IReadOnlyList<ProviderInstanceState> instances) => instances[0];
}
