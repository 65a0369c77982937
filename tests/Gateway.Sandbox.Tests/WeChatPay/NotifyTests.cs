using System.Text.Json;
using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.WeChatPay;

public sealed class NotifyTests
{
    [Fact]
    public async Task Scan_SendsSignedNotifyToNotifyUrl()
    {
        await using var host = await SandboxHost.StartAsync();
        using var scan = await host.ScanAsync(await host.PlaceNativeOrderAsync("NT-1", receiver: "shop"));

        var received = await host.Receiver.WaitForAsync("shop", 1);

        var notify = XmlMessage.Parse(received[0].Body);
        Assert.Equal("text/xml", received[0].ContentType?.Split(';')[0]);
        Assert.True(IndependentSigner.IsSignedWith(notify, SandboxHost.ApiKey, IndependentSigner.Md5));
        Assert.False(notify.ContainsKey("sign_type"));
        Assert.Equal("SUCCESS", notify["return_code"]);
        Assert.Equal("SUCCESS", notify["result_code"]);
        Assert.Equal(SandboxHost.AppId, notify["appid"]);
        Assert.Equal(SandboxHost.MchId, notify["mch_id"]);
        Assert.Equal("NT-1", notify["out_trade_no"]);
        Assert.Equal("1234", notify["total_fee"]);
        Assert.Equal("1234", notify["cash_fee"]);
        Assert.Equal("CNY", notify["fee_type"]);
        Assert.Equal("N", notify["is_subscribe"]);
        Assert.Equal("NATIVE", notify["trade_type"]);
        Assert.Equal("OTHERS", notify["bank_type"]);
        Assert.Equal("order-attach", notify["attach"]);
        Assert.Matches("^4200[0-9]{24}$", notify["transaction_id"]);
        Assert.Matches("^[0-9]{14}$", notify["time_end"]);
        Assert.StartsWith("oSandboxPayer", notify["openid"]);
    }

    [Fact]
    public async Task Notify_ForHmacOrder_IsSignedWithHmac()
    {
        await using var host = await SandboxHost.StartAsync();
        using var scan = await host.ScanAsync(await host.PlaceNativeOrderAsync("NT-2", "hmac", IndependentSigner.HmacSha256));

        var received = await host.Receiver.WaitForAsync("hmac", 1);

        var notify = XmlMessage.Parse(received[0].Body);
        Assert.Equal(64, notify["sign"].Length);
        Assert.True(IndependentSigner.IsSignedWith(notify, SandboxHost.ApiKey, IndependentSigner.HmacSha256));
    }

    [Fact]
    public async Task Notify_ReceiverFailsTwice_StopsAfterThirdAttempt()
    {
        await using var host = await SandboxHost.StartAsync();
        host.Receiver.Script("flaky", NotifyReceiver.Fail, "not xml at all", NotifyReceiver.Success);
        using var scan = await host.ScanAsync(await host.PlaceNativeOrderAsync("NT-3", "flaky"));

        await host.Receiver.WaitForAsync("flaky", 3);
        await Task.Delay(400);

        Assert.Equal(3, host.Receiver.From("flaky").Count);
        var notify = (await host.GetOrderAsync("NT-3")).GetProperty("notify");
        Assert.Equal("delivered", notify.GetProperty("status").GetString());
        var outcomes = notify.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("outcome").GetString());
        Assert.Equal(["rejected", "rejected", "delivered"], outcomes);
    }

    [Fact]
    public async Task Notify_ReceiverAlwaysFails_GivesUpAfterSchedule()
    {
        await using var host = await SandboxHost.StartAsync();
        host.Receiver.Script("down", NotifyReceiver.Fail, NotifyReceiver.Fail, NotifyReceiver.Fail, NotifyReceiver.Fail, NotifyReceiver.Fail);
        using var scan = await host.ScanAsync(await host.PlaceNativeOrderAsync("NT-4", "down"));

        // The test schedule has 3 delays: one immediate attempt plus 3 retries.
        await host.Receiver.WaitForAsync("down", 4);
        var status = await WaitForNotifyStatusAsync(host, "NT-4", "gave_up");
        await Task.Delay(300);

        Assert.Equal(4, host.Receiver.From("down").Count);
        Assert.Equal(4, status.GetProperty("attempts").GetArrayLength());
    }

    [Fact]
    public async Task Notify_TimedOutReceiver_IsRetriedWithoutDelayingOthers()
    {
        await using var host = await SandboxHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:WeChatPay:NotifyTimeout"] = "00:00:00.5",
        });
        host.Receiver.Script("slow", NotifyReceiver.Hang, NotifyReceiver.Success);
        using var slowScan = await host.ScanAsync(await host.PlaceNativeOrderAsync("NT-5", "slow"));
        await host.Receiver.WaitForAsync("slow", 1);

        using var fastScan = await host.ScanAsync(await host.PlaceNativeOrderAsync("NT-6", "fast"));
        await host.Receiver.WaitForAsync("fast", 1, TimeSpan.FromMilliseconds(400));

        await host.Receiver.WaitForAsync("slow", 2);
        var notify = await WaitForNotifyStatusAsync(host, "NT-5", "delivered");
        Assert.Equal("timed_out", notify.GetProperty("attempts")[0].GetProperty("outcome").GetString());
    }

    private static async Task<JsonElement> WaitForNotifyStatusAsync(SandboxHost host, string outTradeNo, string status)
    {
        for (var i = 0; i < 100; i++)
        {
            var notify = (await host.GetOrderAsync(outTradeNo)).GetProperty("notify");
            if (notify.GetProperty("status").GetString() == status)
            {
                return notify;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Order {outTradeNo} never reached notify status {status}.");
    }
}
