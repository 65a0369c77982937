using Gateway.Abstractions.Hosting;
using Gateway.Health;
using Gateway.Hosting;
using Gateway.Idempotency;
using Gateway.Notify;
using Gateway.PaymentChanges;
using Gateway.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers where shared, short-lived state lives: notify dedupe, Idempotency-Key records, the cache, and the
/// payment change messages that wake checkout pages.
/// </summary>
internal static class GatewayStateBackendServiceCollectionExtensions
{
    /// <summary>
    /// Redis when configured (then required: its failure makes notifies answer FAIL rather than run without
    /// dedupe, and readiness reports it), else in-process implementations that serve a single gateway instance.
    /// </summary>
    public static IServiceCollection AddGatewayStateBackend(this IServiceCollection services, string? redisConfiguration)
    {
        services.TryAddSingleton<PaymentChangeSignal>();
        if (string.IsNullOrWhiteSpace(redisConfiguration))
        {
            services.TryAddSingleton<IPaymentChangePublisher>(sp => sp.GetRequiredService<PaymentChangeSignal>());
            services.TryAddSingleton<IGatewayCache, InMemoryGatewayCache>();
            services.TryAddSingleton<INotifyDeduplicator, InMemoryNotifyDeduplicator>();
            services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
            return services;
        }

        var options = ConfigurationOptions.Parse(redisConfiguration);
        options.AbortOnConnectFail = false; // start even if Redis is down; operations fail (and notifies answer FAIL) until it is back
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.TryAddSingleton<IGatewayCache, RedisGatewayCache>();
        services.TryAddSingleton<INotifyDeduplicator, RedisNotifyDeduplicator>();
        services.TryAddSingleton<IIdempotencyStore, RedisIdempotencyStore>();
        services.TryAddSingleton<RedisPaymentChanges>();
        services.TryAddSingleton<IPaymentChangePublisher>(sp => sp.GetRequiredService<RedisPaymentChanges>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisPaymentChanges>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [GatewayHealthTags.Ready]);
        return services;
    }
}
