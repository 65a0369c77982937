using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Operability;

public class ResilienceTests(OperableGatewayFactory gateway) : IClassFixture<OperableGatewayFactory>
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
        var slow = gateway.ApiClient(OperableGatewayFactory.SlowClientKey);
        var clock = Stopwatch.StartNew();
        var slowCalls = Enumerable.Range(0, 3).Select(i => slow.PostAsJsonAsync("/v1/payments", NativePayment($"slow-{i}"))).ToList();

        // While wx-slow's one slot is taken, payments routed to wx-a go through at normal speed.
        await Task.Delay(200);
        var fast = Stopwatch.StartNew();
        var created = await CreateAsync(gateway.ApiClient(GatewayFactory.ClientAKey), NativePayment("beside-slow"));
        fast.Stop();
        Assert.Equal("wx-a", created.Str("provider"));
        Assert.True(fast.Elapsed < TimeSpan.FromSeconds(1), $"wx-a took {fast.Elapsed.TotalMilliseconds:0} ms");

        var responses = await Task.WhenAll(slowCalls);
        clock.Stop();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("provider_unavailable", (await ReadAsync(response)).Str("code"));
        }

        // One call timed out after the 1 s budget, the others were refused at once; none waited the 3 s delay.
        Assert.True(clock.Elapsed < OperableGatewayFactory.SlowProviderDelay, $"slow calls took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.NotEmpty(metrics.Values("gateway.bulkhead.rejections", ("provider.instance", "wx-slow"), ("reason", "timeout")));
        Assert.NotEmpty(metrics.Values("gateway.bulkhead.rejections", ("provider.instance", "wx-slow"), ("reason", "full")));
        Assert.NotEmpty(metrics.Values("gateway.payments.created", ("provider.instance", "wx-slow"), ("outcome", "unreachable")));
    }
}
