using Gateway.Plugins;

namespace Gateway.Routing;

/// <summary>Picks the provider instance a new payment goes to, among a route's instances.</summary>
internal interface IRoutingPolicy
{
    /// <summary>The name configuration uses (see <see cref="RoutingPolicies"/>).</summary>
    string Name { get; }

    /// <summary>
    /// Picks one of <paramref name="candidates"/> (never empty): the route's instances in configuration
    /// order, minus the benched ones (see <see cref="RouteInstancePicker"/>).
    /// </summary>
    ProviderInstanceState Pick(RouteState route, IReadOnlyList<ProviderInstanceState> candidates);
}
