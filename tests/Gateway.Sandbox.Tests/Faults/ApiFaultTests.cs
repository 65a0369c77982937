using System.Diagnostics;
using System.Net;
using System.Text;
using Gateway.Sandbox.Tests.Infrastructure;
using static Gateway.Sandbox.Tests.Faults.FaultEndpointTests;

namespace Gateway.Sandbox.Tests.Faults;

public sealed class ApiFaultTests
{
    [Fact]
    public async Task SystemError_ForTheNextTwoCalls_ThenTheSameRequestSucceeds_AndNothingWasCreated()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "error", api = "unifiedorder", count = 2 });

        var first = await host.CallAsync("unifiedorder", host.NativeOrder("AF-SE-1"));
        var orderDuringFault = await host.GetOrderStatusAsync("AF-SE-1");
        var second = await host.CallAsync("unifiedorder", host.NativeOrder("AF-SE-1"));
        var third = await host.CallAsync("unifiedorder", host.NativeOrder("AF-SE-1"));

        Assert.Equal("SYSTEMERROR", first["err_code"]);
        Assert.True(IndependentSigner.IsSignedWith(first, SandboxHost.ApiKey, IndependentSigner.Md5));
        Assert.Equal("404 not found", orderDuringFault);
        Assert.Equal("SYSTEMERROR", second["err_code"]);
        Assert.Equal("SUCCESS", third["result_code"]);
    }

    [Fact]
    public async Task ApiFault_OnlyHitsItsMerchantAndApi()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "error", api = "closeorder", count = 5 });

        var placed = await host.CallAsync("unifiedorder", host.NativeOrder("AF-SE-2"));
        var other = host.NativeOrder("AF-SE-2");
        other["appid"] = SandboxHost.OtherAppId;
        other["mch_id"] = SandboxHost.OtherMchId;
        var otherMerchant = await host.CallAsync("unifiedorder", other, key: SandboxHost.OtherApiKey);
        var closed = await host.CallAsync("closeorder", host.Query("AF-SE-2"));

        Assert.Equal("SUCCESS", placed["result_code"]);
        Assert.Equal("SUCCESS", otherMerchant["result_code"]);
        Assert.Equal("SYSTEMERROR", closed["err_code"]);
    }

    [Fact]
    public async Task HttpError_AnswersA5xxPage_Once()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "http_error", status = 502, count = 1 });
        var fields = host.NativeOrder("AF-5XX-1");
        fields["sign"] = IndependentSigner.Sign(fields, SandboxHost.ApiKey, IndependentSigner.Md5);

        using var failed = await host.Http.PostAsync("/sandbox/wechatpay/pay/unifiedorder", new StringContent(XmlMessage.Write(fields), Encoding.UTF8, "text/xml"));
        var after = await host.CallAsync("unifiedorder", host.NativeOrder("AF-5XX-1"));

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal("SUCCESS", after["result_code"]);
    }

    [Fact]
    public async Task Timeout_NeverAnswers_UntilTheClientGivesUp()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "timeout", api = "orderquery", count = 1 });
        await host.CallAsync("unifiedorder", host.NativeOrder("AF-TO-1"));
        var fields = host.Query("AF-TO-1");
        fields["sign"] = IndependentSigner.Sign(fields, SandboxHost.ApiKey, IndependentSigner.Md5);
        using var impatient = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(1) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() =>
            impatient.PostAsync("/sandbox/wechatpay/pay/orderquery", new StringContent(XmlMessage.Write(fields), Encoding.UTF8, "text/xml")));
        var after = await host.CallAsync("orderquery", host.Query("AF-TO-1"));

        Assert.Equal("NOTPAY", after["trade_state"]);
    }

    [Fact]
    public async Task Latency_DelaysTheAnswer_ThenAnswersNormally()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "latency", delayMs = 700, count = 1 });

        var clock = Stopwatch.StartNew();
        var slow = await host.CallAsync("unifiedorder", host.NativeOrder("AF-LAT-1"));
        var slowTook = clock.Elapsed;

        Assert.Equal("SUCCESS", slow["result_code"]);
        Assert.True(slowTook >= TimeSpan.FromMilliseconds(650), slowTook.ToString());
    }

    [Fact]
    public async Task Fault_BoundedInTime_EndsWhenItsSecondsAreOver()
    {
        await using var host = await SandboxHost.StartAsync();
        await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "error", seconds = 30 });

        var during = await host.CallAsync("unifiedorder", host.NativeOrder("AF-SEC-1"));
        host.Time.Advance(TimeSpan.FromSeconds(31));
        var after = await host.CallAsync("unifiedorder", host.NativeOrder("AF-SEC-1"));

        Assert.Equal("SYSTEMERROR", during["err_code"]);
        Assert.Equal("SUCCESS", after["result_code"]);
    }
}
