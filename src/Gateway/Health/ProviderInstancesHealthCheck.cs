using Gateway.Configuration;
using Gateway.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Health;

/// <summary>
/// Every configured provider instance is live and its current settings pass its plugin's validation.
/// An unusable instance is <c>Degraded</c>, not unhealthy: readiness follows the routes (<see cref="RoutesHealthCheck"/>),
/// so one broken account does not take every channel out of the load balancer.
/// The messages name keys, never values (plugins promise that of their validation messages).
/// </summary>
internal sealed class ProviderInstancesHealthCheck : IHealthCheck
{
    private readonly IConfiguration _configuration;
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly PluginCatalog _catalog;

    public ProviderInstancesHealthCheck(IConfiguration configuration, GatewaySnapshotProvider snapshots, PluginCatalog catalog)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failed = 0;
        foreach (var provider in GatewayConfig.Read(_configuration.GetSection(GatewayOptions.SectionName)).Providers)
        {
            var problem = Problem(provider);
            data[provider.Name] = problem ?? "ok";
            failed += problem is null || problem.StartsWith("ok;", StringComparison.Ordinal) ? 0 : 1;
        }

        var result = failed == 0
            ? HealthCheckResult.Healthy($"{data.Count} provider instance(s) configured.", data)
            : HealthCheckResult.Degraded($"{failed} provider instance(s) are not usable.", data: data);
        return Task.FromResult(result);
    }

    private string? Problem(ProviderInstanceConfig provider)
    {
        if (!_catalog.Snapshot.Plugins.TryGetValue(provider.Plugin, out var plugin))
        {
            return $"plugin '{provider.Plugin}' is not loaded";
        }

        var errors = new List<string>();
        plugin.EntryPoint.ValidateSettings(provider.Settings, errors);
        if (errors.Count > 0)
        {
            return "invalid settings: " + string.Join(" ", errors);
        }

        if (!_snapshots.Current.Instances.TryGetValue(provider.Name, out var live))
        {
            return "not live (the last configuration load rejected it)";
        }

        // Payments still work, so the instance stays healthy; the detail tells ops why refunds do not.
        return live.Instance is Abstractions.Refunds.IRefundProvider { RefundsUnavailableReason: { } reason } ? "ok; refunds disabled: " + reason : null;
    }
}
