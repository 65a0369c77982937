using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Sandbox.Tests.Infrastructure;
using static Gateway.Sandbox.Tests.Faults.FaultEndpointTests;

namespace Gateway.Sandbox.Tests.Faults;

public sealed class PayerFaultTests
{
    [Fact]
    public async Task NotifyDrop_PaysButNeverNotifies()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "notify_drop", count = 1 });

        using var scan = await host.ScanAsync(await host.PlaceNativeOrderAsync("PF-DROP-1", receiver: "drop"));
        var order = await WaitForNotifyStatusAsync(host, "PF-DROP-1", "dropped");
        var query = await host.CallAsync("orderquery", host.Query("PF-DROP-1"));
        await Task.Delay(300);

        Assert.Equal("SUCCESS", query["trade_state"]);
        Assert.Empty(host.Receiver.From("drop"));
        Assert.Equal(0, order.GetProperty("notify").GetProperty("attempts").GetArrayLength());
    }

    [Fact]
    public async Task NotifyDuplicate_SendsExtraCopiesAtOnce()
    {
        // Five copies at once on a loaded machine: a 1 s notify timeout can abort a copy before it is received.
        await using var host = await SandboxHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:WeChatPay:NotifyTimeout"] = "00:00:10" });
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "notify_duplicate", times = 4, count = 1 });

        using var scan = await host.ScanAsync(await host.PlaceNativeOrderAsync("PF-DUP-1", receiver: "dup"));
        var received = await host.Receiver.WaitForAsync("dup", 5);
        await Task.Delay(300);

        Assert.Equal(5, host.Receiver.From("dup").Count);
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.True(IndependentSigner.IsSignedWith(XmlMessage.Parse(received[0].Body), SandboxHost.ApiKey, IndependentSigner.Md5));
    }

    [Fact]
    public async Task NotifyDelay_HoldsTheNotify()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "notify_delay", delayMs = 800, count = 1 });
        var started = DateTimeOffset.UtcNow;

        using var scan = await host.ScanAsync(await host.PlaceNativeOrderAsync("PF-DELAY-1", receiver: "late"));
        var received = await host.Receiver.WaitForAsync("late", 1);

        Assert.True(received[0].At - started >= TimeSpan.FromMilliseconds(750), (received[0].At - started).ToString());
    }

    [Fact]
    public async Task PayFail_EndsPayError_WithASignedFailureNotify()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "pay_fail", count = 1 });

        using var scan = await host.ScanAsync(await host.PlaceNativeOrderAsync("PF-FAIL-1", receiver: "fail"));
        var received = await host.Receiver.WaitForAsync("fail", 1);
        var query = await host.CallAsync("orderquery", host.Query("PF-FAIL-1"));

        var notify = XmlMessage.Parse(received[0].Body);
        Assert.Equal("payerror", (await scan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("SUCCESS", notify["return_code"]);
        Assert.Equal("FAIL", notify["result_code"]);
        Assert.Equal("PAYERROR", notify["err_code"]);
        Assert.True(IndependentSigner.IsSignedWith(notify, SandboxHost.ApiKey, IndependentSigner.Md5));
        Assert.Equal("PAYERROR", query["trade_state"]);
    }

    [Fact]
    public async Task UserPaying_ThenSuccess_WithTheNotifyAfterwards()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "user_paying", delayMs = 800, count = 1 });

        var codeUrl = await host.PlaceNativeOrderAsync("PF-UP-1", receiver: "paying");
        var started = DateTimeOffset.UtcNow;
        using var scan = await host.ScanAsync(codeUrl);
        var during = await host.CallAsync("orderquery", host.Query("PF-UP-1"));
        var notified = await host.Receiver.WaitForAsync("paying", 1);
        var after = await host.CallAsync("orderquery", host.Query("PF-UP-1"));

        Assert.Equal("userpaying", (await scan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("USERPAYING", during["trade_state"]);
        Assert.True(notified[0].At - started >= TimeSpan.FromMilliseconds(750), (notified[0].At - started).ToString());
        Assert.Equal("SUCCESS", XmlMessage.Parse(notified[0].Body)["result_code"]);
        Assert.Equal("SUCCESS", after["trade_state"]);
    }

    private static async Task<JsonElement> WaitForNotifyStatusAsync(SandboxHost host, string outTradeNo, string status)
    {
        for (var i = 0; i < 100; i++)
        {
            var order = await host.GetOrderAsync(outTradeNo);
            if (order.GetProperty("notify").GetProperty("status").GetString() == status)
            {
                return order;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Order {outTradeNo} never reached notify status {status}.");
    }
}
