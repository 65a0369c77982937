using Gateway.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gateway's inbound rate limits.</summary>
public static class GatewayRateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Per-client limits on <c>/v1</c>, per-instance limits on <c>/notify</c>, and on plugin routes (<c>/p/*</c>) both
    /// a per-IP and a per-instance bucket, from <c>Gateway:RateLimits</c>.
    /// </summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.TryAddSingleton<NotifyIntakeLimits>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitRejection.OnRejectedAsync;
            limiter.AddPolicy(GatewayRateLimitPolicies.Api, RateLimitPartitions.Api);

            // Plugin endpoints are mapped by plugins, which know nothing of the host's policies: a global limiter
            // that only partitions /p/* covers them all. A request must get a permit from both buckets.
            limiter.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.CreateChained(
                System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(RateLimitPartitions.PluginPerIp),
                System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(RateLimitPartitions.PluginPerInstance));
        });
        return services;
    }
}
