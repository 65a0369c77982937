using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Operability;

public class ResilienceTests(OperableGatewayFactory gateway, ITestOutputHelper output) : IClassFixture<OperableGatewayFactory>
{
    [Fact]
    public async Task Flood_FromOneKey_Gets429WithRetryAfter_WhileAnotherKeyIsServed()
    {
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>());
        var limited = gateway.ApiClient(OperableGatewayFactory.LimitedKey);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10; i++)
        {
            var response = await limited.GetAsync("/v1/payments?merchantOrderId=flood");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        // Burst 3 at 1/s: the first three pass, most of the rest are refused.
        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 5, string.Join(",", statuses));
        Assert.NotNull(refused);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate_limited", (await ReadAsync(refused)).Str("code"));

        var other = await gateway.ApiClient(GatewayFactory.ClientBKey).GetAsync("/v1/payments?merchantOrderId=flood");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEmpty(metrics.Values("gateway.ratelimit.rejections", ("policy", "Api")));
    }

    [Fact]
    public async Task SlowProviderInstance_IsCutOffByItsBulkhead_AndDoesNotSlowAnotherInstance()
    {
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>());
        var fastApi = gateway.ApiClient(GatewayFactory.ClientAKey);
        await CreateAsync(fastApi, NativePayment("warm-up")); // first-call costs (JIT, connections) are not what is measured

        var slow = gateway.ApiClient(OperableGatewayFactory.SlowClientKey);
        var clock = Stopwatch.StartNew();
        var slowCalls = Enumerable.Range(0, 3).Select(i => slow.PostAsJsonAsync("/v1/payments", NativePayment($"slow-{i}"))).ToList();

        // While wx-slow's one slot is taken, payments routed to wx-a go through at normal speed.
        await Task.Delay(200);
        var fast = Stopwatch.StartNew();
        var created = await CreateAsync(fastApi, NativePayment("beside-slow"));
        fast.Stop();
        Assert.Equal("wx-a", created.Str("provider"));
        var responses = await Task.WhenAll(slowCalls);
        clock.Stop();
        output.WriteLine($"wx-a create beside a stalled wx-slow: {fast.Elapsed.TotalMilliseconds:0} ms; 3 wx-slow creates answered after {clock.Elapsed.TotalMilliseconds:0} ms");

        Assert.True(fast.Elapsed < TimeSpan.FromSeconds(1.5), $"wx-a took {fast.Elapsed.TotalMilliseconds:0} ms");
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("provider_unavailable", (await ReadAsync(response)).Str("code"));
        }

        // One call timed out after its 1.5 s budget, the others were refused at once; none waited out the 4 s delay.
        Assert.True(clock.Elapsed < OperableGatewayFactory.SlowProviderDelay, $"slow calls took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.NotEmpty(metrics.Values("gateway.bulkhead.rejections", ("provider.instance", "wx-slow"), ("reason", "timeout")));
        Assert.NotEmpty(metrics.Values("gateway.bulkhead.rejections", ("provider.instance", "wx-slow"), ("reason", "full")));
        Assert.NotEmpty(metrics.Values("gateway.payments.created", ("provider.instance", "wx-slow"), ("outcome", "unreachable")));
    }

    [Fact]
    public async Task CloseThatTimesOutAtTheProvider_Is502_AndChangesNothing()
    {
        var slow = gateway.ApiClient(OperableGatewayFactory.SlowClientKey);
        var create = await slow.PostAsJsonAsync("/v1/payments", NativePayment("slow-close"));
        Assert.Equal(HttpStatusCode.BadGateway, create.StatusCode);
        var id = (await ReadAsync(create)).Str("paymentId");

        var close = await slow.PostAsync($"/v1/payments/{id}/close", null);

        Assert.Equal(HttpStatusCode.BadGateway, close.StatusCode);
        Assert.Equal("provider_unavailable", (await ReadAsync(close)).Str("code"));
        var stored = await gateway.Services.GetRequiredService<Gateway.Store.IPaymentStore>().GetAsync(id, default);
        Assert.Equal(Gateway.Abstractions.Payments.PaymentStatus.Pending, stored!.Status);
    }
}
