using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Security;

/// <summary>Anonymous plugin routes (/p/*) are rate limited per IP and per instance, before the plugin (and its provider) sees the request.</summary>
public class PluginRateLimitTests
{
    [Fact]
    public async Task PerIp_BogusLogins_Are429_BeyondTheBurst()
    {
        using var gateway = GatewayFactory.With(Limits(perIpBurst: 3, perInstanceBurst: 1000));
        var codes = await BurstAsync(gateway, "/p/wx-mini-sandbox/login", 10);

        // Three from the burst, perhaps one more if a second ticked by (1 permit per second).
        Assert.InRange(codes.Count(c => c != HttpStatusCode.TooManyRequests), 3, 4);

        // The same IP is limited on every instance's routes.
        Assert.Contains(HttpStatusCode.TooManyRequests, await BurstAsync(gateway, "/p/wx-jsapi-sandbox/oauth/start?returnUrl=/", 3));
    }

    [Fact]
    public async Task PerInstance_OneInstanceExhausted_OthersStillServe()
    {
        using var gateway = GatewayFactory.With(Limits(perIpBurst: 1000, perInstanceBurst: 4));
        var http = gateway.ApiClient(null);
        var codes = await BurstAsync(gateway, "/p/wx-mini-sandbox/login", 8);
        Assert.InRange(codes.Count(c => c != HttpStatusCode.TooManyRequests), 4, 5);

        // Another instance has its own bucket.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(gateway.BaseUrl) };
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/p/wx-jsapi-sandbox/oauth/start?returnUrl=/")).StatusCode);

        HttpResponseMessage refused;
        do
        {
            refused = await http.PostAsJsonAsync("/p/wx-mini-sandbox/login", new { code = "x" });
        }
        while (refused.StatusCode != HttpStatusCode.TooManyRequests);

        Assert.Equal("rate_limited", (await ReadAsync(refused)).Str("code"));
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    private static Dictionary<string, string?> Limits(int perIpBurst, int perInstanceBurst) => new()
    {
        ["Gateway:RateLimits:PluginsPerIp:PermitsPerSecond"] = "1",
        ["Gateway:RateLimits:PluginsPerIp:Burst"] = perIpBurst.ToString(),
        ["Gateway:RateLimits:PluginsPerInstance:PermitsPerSecond"] = "1",
        ["Gateway:RateLimits:PluginsPerInstance:Burst"] = perInstanceBurst.ToString(),
    };

    private static async Task<List<HttpStatusCode>> BurstAsync(GatewayFactory gateway, string path, int count)
    {
        var http = gateway.ApiClient(null);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            var response = path.Contains("oauth", StringComparison.Ordinal)
                ? await http.GetAsync(path)
                : await http.PostAsJsonAsync(path, new { code = $"bogus-{i}" });
            codes.Add(response.StatusCode);
        }

        return codes;
    }
}
