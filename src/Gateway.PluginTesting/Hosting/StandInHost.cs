using System.Collections.Concurrent;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.ProductCodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.PluginTesting.Hosting;

/// <summary>
/// The host services the contract offers a plugin (see <c>ProviderInstanceContext</c>), as simple stand-ins:
/// a plugin's service provider is built from them plus its own registrations, as the host does.
/// </summary>
internal static class StandInHost
{
    public static ServiceProvider Services(Action<IServiceCollection> plugin)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddHttpClient();
        services.AddSingleton<IGatewayCache, MemoryCache>();
        services.AddSingleton<IPaymentDirectory, NoPayments>();
        services.AddSingleton<IProductCodePayments, NoPayments>();
        services.AddSingleton(TimeProvider.System);
        plugin(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class MemoryCache : IGatewayCache
    {
        private readonly ConcurrentDictionary<string, string> _values = new();

        public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(_values.GetValueOrDefault(key));

        public ValueTask SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken)
        {
            _values[key] = value;
            return ValueTask.CompletedTask;
        }

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
        {
            _values.TryRemove(key, out _);
            return ValueTask.CompletedTask;
        }

        public ValueTask<IAsyncDisposable?> TryLockAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken)
            => ValueTask.FromResult<IAsyncDisposable?>(new Released());

        private sealed class Released : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class NoPayments : IPaymentDirectory, IProductCodePayments
    {
        public ValueTask<PaymentView?> FindAsync(string instanceName, string paymentId, CancellationToken cancellationToken) => ValueTask.FromResult<PaymentView?>(null);

        public Task<ProductCodePaymentResult> CreatePaymentForProductAsync(string instanceName, string productId, string openId, string clientIp, CancellationToken cancellationToken)
            => Task.FromResult(ProductCodePaymentResult.Refused(ProductCodeRefusals.UnknownProduct, "The conformance kit has no products."));
    }
}
