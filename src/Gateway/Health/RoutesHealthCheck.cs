using Gateway.Configuration;
using Gateway.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Health;

/// <summary>
/// Readiness per channel: ready while at least one route has an active instance, so one broken merchant
/// account never makes a load balancer pull every replica for every channel. Inactive routes and benched
/// instances make the entry <c>Degraded</c> (still 200) with the details; no active route at all is unhealthy.
/// </summary>
internal sealed class RoutesHealthCheck(GatewaySnapshotProvider snapshots, InstanceHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = snapshots.Current;
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var degraded = 0;
        foreach (var route in snapshot.Routes.Routes)
        {
            var benched = route.Instances.Where(i => health.IsBenched(i.Name)).Select(i => i.Name).ToList();
            data[route.Config.Id] = benched.Count == 0
                ? $"active: {route.Config.Channel} via {string.Join(", ", route.Instances.Select(i => i.Name))}"
                : $"degraded: {route.Config.Channel}; benched: {string.Join(", ", benched)}";
            degraded += benched.Count == 0 ? 0 : 1;
        }

        var inactive = snapshot.Inactive.Where(i => i.StartsWith("Gateway:Routes:", StringComparison.Ordinal)).ToList();
        if (inactive.Count > 0)
        {
            data["inactive"] = inactive;
        }

        var result = snapshot.Routes.Routes.Count == 0
            ? HealthCheckResult.Unhealthy("No route has an active instance: no channel can take payments.", data: data)
            : inactive.Count + degraded > 0
                ? HealthCheckResult.Degraded($"{inactive.Count} route(s) inactive, {degraded} with benched instances; {snapshot.Routes.Routes.Count} active.", data: data)
                : HealthCheckResult.Healthy($"{snapshot.Routes.Routes.Count} route(s) active.", data);
        return Task.FromResult(result);
    }
}
