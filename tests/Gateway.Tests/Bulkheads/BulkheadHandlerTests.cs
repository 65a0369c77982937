using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Gateway.Bulkheads;
using Gateway.Telemetry;

namespace Gateway.Tests.Bulkheads;

public class BulkheadHandlerTests
{
    [Fact]
    public async Task Refuses_WhenFull_AsHttpRequestException()
    {
        var slow = new BlockingHandler();
        using var invoker = Invoker(slow, concurrency: 1, timeout: TimeSpan.FromSeconds(5));
        var first = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://provider/"), CancellationToken.None);
        await slow.Entered.Task;

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://provider/"), CancellationToken.None));
        Assert.Contains("bulkhead full", ex.Message);

        slow.Release.SetResult();
        Assert.True((await first).IsSuccessStatusCode);
    }

    [Fact]
    public async Task TimesOut_AsHttpRequestException_WithTimeoutInside()
    {
        using var invoker = Invoker(new BlockingHandler(), concurrency: 2, timeout: TimeSpan.FromMilliseconds(100));
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://provider/"), CancellationToken.None));
        Assert.IsType<TimeoutException>(ex.InnerException);
    }

    [Fact]
    public async Task CallerCancellation_StaysACancellation()
    {
        using var invoker = Invoker(new BlockingHandler(), concurrency: 2, timeout: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://provider/"), cancel.Token));
    }

    private static HttpMessageInvoker Invoker(HttpMessageHandler inner, int concurrency, TimeSpan timeout)
    {
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = concurrency, QueueLimit = 0 });
        var metrics = new GatewayMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
        return new HttpMessageInvoker(new BulkheadHandler(new Bulkhead("wx-test", limiter, timeout), metrics) { InnerHandler = inner });
    }

    private sealed class BlockingHandler : HttpMessageHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }
}
