using Gateway.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Health;

/// <summary>Every plugin folder loaded; a folder that failed is reported by name with its load error.</summary>
internal sealed class PluginsHealthCheck : IHealthCheck
{
    private readonly PluginCatalog _catalog;

    public PluginsHealthCheck(PluginCatalog catalog)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = _catalog.Snapshot;
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var plugin in snapshot.Plugins.Values)
        {
            data[plugin.Descriptor.Name] = "loaded " + plugin.Descriptor.Version;
        }

        foreach (var failure in snapshot.Failures)
        {
            data[failure.Name] = "failed: " + failure.Error;
        }

        var result = snapshot.Failures.Count == 0
            ? HealthCheckResult.Healthy($"{snapshot.Plugins.Count} plugin(s) loaded.", data)
            : HealthCheckResult.Degraded($"{snapshot.Failures.Count} plugin folder(s) failed to load.", data: data);
        return Task.FromResult(result);
    }
}
