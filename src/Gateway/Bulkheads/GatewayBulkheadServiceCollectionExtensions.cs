using Gateway.Bulkheads;
using Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the per-provider-instance bulkhead on outgoing calls.</summary>
public static class GatewayBulkheadServiceCollectionExtensions
{
    /// <summary>Adds a concurrency/time cap to every <c>provider:{instance}</c> HttpClient.</summary>
    public static IServiceCollection AddGatewayBulkheads(this IServiceCollection services)
    {
        services.TryAddSingleton<ProviderBulkheads>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, BulkheadHandlerFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, BulkheadOptionsValidator>());
        return services;
    }
}
