using Gateway.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gateway's health checks.</summary>
public static class GatewayHealthServiceCollectionExtensions
{
    /// <summary>Store, plugins and provider instances, all tagged <see cref="GatewayHealthTags.Ready"/>.</summary>
    public static IHealthChecksBuilder AddGatewayHealthChecks(this IServiceCollection services)
        => services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [GatewayHealthTags.Ready])
            .AddCheck<PluginsHealthCheck>("plugins", tags: [GatewayHealthTags.Ready])
            .AddCheck<ProviderInstancesHealthCheck>("provider-instances", tags: [GatewayHealthTags.Ready]);
}
