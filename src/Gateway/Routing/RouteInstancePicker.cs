using Gateway.Plugins;

namespace Gateway.Routing;

/// <summary>
/// Applies passive health before any policy: benched instances are skipped unless every instance of
/// the route is benched (then the policy picks among all, since refusing the payment outright is worse
/// than trying a recently failing provider).
/// </summary>
internal sealed class RouteInstancePicker
{
    private readonly InstanceHealth _health;

    public RouteInstancePicker(InstanceHealth health)
    {
        _health = health ?? throw new ArgumentNullException(nameof(health));
    }

    /// <summary>
    /// Picks an instance of <paramref name="route"/>; with <paramref name="exclude"/>, one other than it
    /// (null when there is none), for a failover retry.
    /// </summary>
    public ProviderInstanceState? Pick(RouteState route, ProviderInstanceState? exclude = null)
    {
        var eligible = exclude is null ? route.Instances : route.Instances.Where(i => !ReferenceEquals(i, exclude)).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        var healthy = eligible.Where(i => !_health.IsBenched(i.Name)).ToList();
        return route.Policy.Pick(route, healthy.Count > 0 ? healthy : eligible);
    }
}
