using Gateway.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gateway's inbound rate limits.</summary>
public static class GatewayRateLimitingServiceCollectionExtensions
{
    /// <summary>Per-client limits on <c>/v1</c> and per-instance limits on <c>/notify</c>, from <c>Gateway:RateLimits</c>.</summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitRejection.OnRejectedAsync;
            limiter.AddPolicy(GatewayRateLimitPolicies.Api, RateLimitPartitions.Api);
            limiter.AddPolicy(GatewayRateLimitPolicies.Notify, RateLimitPartitions.Notify);
        });
        return services;
    }
}
