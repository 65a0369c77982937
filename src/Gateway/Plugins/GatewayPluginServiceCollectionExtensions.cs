using Gateway.Configuration;
using Gateway.Plugins;
using Gateway.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Public extension classes live in the DI namespace, as YARP's do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers plugin drop-in (watching, swapping, draining) and the routing policies.</summary>
public static class GatewayPluginServiceCollectionExtensions
{
    /// <summary>Adds the plugin watcher, per-request snapshot pinning and the built-in routing policies with passive health.</summary>
    public static IServiceCollection AddGatewayDropIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PluginReloadOptions>().Bind(configuration.GetSection(PluginReloadOptions.SectionName))
            .Validate(o => o.SettleMilliseconds >= 0 && o.RescanSeconds > 0, "Gateway:Plugins:SettleMilliseconds must be 0 or more and RescanSeconds above 0.")
            .ValidateOnStart();
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName))
            .Validate(o => o.BenchSeconds >= 0, "Gateway:Routing:BenchSeconds must be 0 or more.")
            .ValidateOnStart();

        services.TryAddSingleton<PluginFolderReconciler>();
        services.AddHostedService<PluginDirectoryWatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, GatewaySnapshotPinStartupFilter>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRoutingPolicy, FirstRoutingPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRoutingPolicy, RoundRobinRoutingPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRoutingPolicy, WeightedRoutingPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRoutingPolicy, FailoverRoutingPolicy>());
        services.TryAddSingleton<InstanceHealth>();
        services.TryAddSingleton<RouteInstancePicker>();
        return services;
    }
}
