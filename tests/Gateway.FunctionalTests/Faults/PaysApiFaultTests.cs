using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.PaysApi;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Faults;

/// <summary>PaysAPI misbehaving on purpose (client-a's paysapi.wechat goes to pa-json, tolerance 3 fen).</summary>
public sealed class PaysApiFaultTests(FaultGatewayFactory gateway) : IClassFixture<FaultGatewayFactory>
{
    [Fact]
    public async Task RealPriceOffByTwoFen_IsPaidWithTheRealPrice()
    {
        await AddFaultAsync(new { merchant = GatewayFactory.PaysApiJsonUid, kind = "realprice", deltaFen = -2, count = 1 });
        var client = new PaysApiClient(gateway);
        var created = await client.CreateAsync(GatewayFactory.ClientAKey, "paysapi.wechat", "pa-realprice", 500);

        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(created.Str("id"))).StatusCode);

        var paid = await client.WaitForAsync(GatewayFactory.ClientAKey, created.Str("id"), p => p.Str("status") == "succeeded");
        Assert.Equal("500", paid.Str("amount"));
        Assert.Equal("498", paid.Str("paidAmount"));
        Assert.Equal("4.98", (await client.SandboxOrderAsync(created.Str("id"))).Str("realPrice"));
    }

    [Fact]
    public async Task SlowPayPage_SlowsTheJsonCreate()
    {
        await AddFaultAsync(new { merchant = GatewayFactory.PaysApiJsonUid, kind = "page_latency", delayMs = 1200, count = 1 });
        var client = new PaysApiClient(gateway);

        var clock = Stopwatch.StartNew();
        var created = await client.CreateAsync(GatewayFactory.ClientAKey, "paysapi.wechat", "pa-slow", 100);
        clock.Stop();

        Assert.Equal("qr_code", created.Str("action.type"));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(1100), $"create took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task DuplicatedNotify_IsAppliedOnce_AndEveryCopyAcknowledged()
    {
        await AddFaultAsync(new { merchant = GatewayFactory.PaysApiJsonUid, kind = "notify_duplicate", times = 6, count = 1 });
        var client = new PaysApiClient(gateway);
        var created = await client.CreateAsync(GatewayFactory.ClientAKey, "paysapi.wechat", "pa-dup", 300);

        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(created.Str("id"))).StatusCode);

        var paid = await client.WaitForAsync(GatewayFactory.ClientAKey, created.Str("id"), p => p.Str("status") == "succeeded");
        var order = await client.WaitForSandboxNotifyAsync(created.Str("id"), "delivered");
        for (var i = 0; i < 50 && order["notify"]!["attempts"]!.AsArray().Count < 7; i++)
        {
            await Task.Delay(100);
            order = await client.SandboxOrderAsync(created.Str("id"));
        }

        Assert.Equal("300", paid.Str("paidAmount"));
        var attempts = order["notify"]!["attempts"]!.AsArray();
        Assert.Equal(7, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("delivered", a!.Str("outcome")));
    }

    [Fact]
    public async Task DroppedNotify_LeavesTheSandboxOrderPaid_AndNothingSent()
    {
        await AddFaultAsync(new { merchant = GatewayFactory.PaysApiJsonUid, kind = "notify_drop", count = 1 });
        var client = new PaysApiClient(gateway);
        var created = await client.CreateAsync(GatewayFactory.ClientAKey, "paysapi.wechat", "pa-drop", 200);

        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(created.Str("id"))).StatusCode);

        var order = await client.WaitForSandboxNotifyAsync(created.Str("id"), "dropped");
        Assert.Empty(order["notify"]!["attempts"]!.AsArray());
        Assert.Equal("2.00", order.Str("realPrice"));
    }

    private async Task AddFaultAsync(object fault)
    {
        using var response = await gateway.ApiClient(apiKey: null).PostAsJsonAsync("/sandbox/faults", fault);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
