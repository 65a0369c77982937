using Gateway.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gateway's health checks.</summary>
public static class GatewayHealthServiceCollectionExtensions
{
    /// <summary>A liveness check, and store, plugins and provider instances tagged <see cref="GatewayHealthTags.Ready"/>.</summary>
    public static IHealthChecksBuilder AddGatewayHealthChecks(this IServiceCollection services)
        => services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process answers."), tags: [GatewayHealthTags.Live])
            .AddCheck<StoreHealthCheck>("store", tags: [GatewayHealthTags.Ready])
            .AddCheck<PluginsHealthCheck>("plugins", tags: [GatewayHealthTags.Ready])
            .AddCheck<ProviderInstancesHealthCheck>("provider-instances", tags: [GatewayHealthTags.Ready])
            .AddCheck<RoutesHealthCheck>("routes", tags: [GatewayHealthTags.Ready]);
}
