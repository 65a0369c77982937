using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Payments;

/// <summary>A client polling a pending payment reaches the provider's orderquery at most once per interval.</summary>
public class ReadSyncThrottleTests
{
    [Fact]
    public async Task PollingAPendingPayment_QueriesTheProviderOncePerInterval()
    {
        var counter = new OrderQueryCount();
        using var gateway = GatewayFactory.With(
            new Dictionary<string, string?> { ["Gateway:Sync:Schedule:0"] = "01:00:00" }, // keep the background sync out of the count
            services => services.AddHttpClient("provider:wx-a").AddHttpMessageHandler(() => new CountingHandler(counter)));
        var api = gateway.ApiClient();
        var id = (await CreateAsync(api, NativePayment("poll-1"))).Str("id");

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("pending", (await GetAsync(api, id)).Str("status"));
        }

        Assert.Equal(1, counter.Count);

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        await GetAsync(api, id);
        Assert.Equal(2, counter.Count);
    }

    private sealed class OrderQueryCount
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    // A new handler per pipeline the factory builds; they share one count.
    private sealed class CountingHandler(OrderQueryCount count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/pay/orderquery", StringComparison.Ordinal))
            {
                count.Add();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
