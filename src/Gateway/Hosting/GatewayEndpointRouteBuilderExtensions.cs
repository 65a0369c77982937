using Gateway.Checkout;
using Gateway.Configuration;
using Gateway.Management;
using Gateway.Notify;
using Gateway.Payments;
using Gateway.Plugins;
using Gateway.ProductCodes;
using Gateway.Refunds;
using Gateway.Store;

// Public extension classes live in the ASP.NET Core builder namespace, as YARP's MapReverseProxy does.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the gateway's routes.</summary>
public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Loads plugins and configuration (blocking: a bad configuration must stop start-up with every
    /// error listed, like YARP's initial load), prepares the store, and maps the API, notify and plugin routes.
    /// </summary>
    public static IEndpointRouteBuilder MapGateway(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        services.GetRequiredService<IPaymentStore>().InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        services.GetRequiredService<GatewaySnapshotProvider>().InitialLoad();

        endpoints.MapPaymentsApi();
        endpoints.MapProductCodesApi();
        endpoints.MapCheckout();
        endpoints.MapRefundsApi();
        endpoints.MapNotifyEndpoints();
        endpoints.DataSources.Add(services.GetRequiredService<PluginEndpointDataSource>());
        endpoints.MapAdminApi();
        endpoints.MapGatewayHealthChecks();
        endpoints.MapGatewayMetrics();
        return endpoints;
    }
}
