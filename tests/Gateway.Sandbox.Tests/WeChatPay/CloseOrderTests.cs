using System.Net;
using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.WeChatPay;

public sealed class CloseOrderTests
{
    [Fact]
    public async Task CloseOrder_ThenScan_IsRefused()
    {
        await using var host = await SandboxHost.StartAsync();
        var codeUrl = await host.PlaceNativeOrderAsync("CO-1");

        var closed = await host.CallAsync("closeorder", host.Query("CO-1"));
        using var scan = await host.ScanAsync(codeUrl);
        var query = await host.CallAsync("orderquery", host.Query("CO-1"));

        Assert.Equal("SUCCESS", closed["result_code"]);
        Assert.True(IndependentSigner.IsSignedWith(closed, SandboxHost.ApiKey, IndependentSigner.Md5));
        await ProblemAssert.IsProblemAsync(scan, HttpStatusCode.Conflict, "order_closed");
        Assert.Equal("CLOSED", query["trade_state"]);
    }

    [Fact]
    public async Task CloseOrder_AfterPayment_ReportsOrderPaid()
    {
        await using var host = await SandboxHost.StartAsync();
        var codeUrl = await host.PlaceNativeOrderAsync("CO-2");
        using var scan = await host.ScanAsync(codeUrl);

        var reply = await host.CallAsync("closeorder", host.Query("CO-2"));

        Assert.Equal("FAIL", reply["result_code"]);
        Assert.Equal("ORDERPAID", reply["err_code"]);
    }

    [Fact]
    public async Task CloseOrder_Twice_ReportsOrderClosed()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.PlaceNativeOrderAsync("CO-3");
        await host.CallAsync("closeorder", host.Query("CO-3"));

        var reply = await host.CallAsync("closeorder", host.Query("CO-3"));

        Assert.Equal("ORDERCLOSED", reply["err_code"]);
    }

    [Fact]
    public async Task CloseOrder_UnknownOrder_ReportsOrderNotExist()
    {
        await using var host = await SandboxHost.StartAsync();

        var reply = await host.CallAsync("closeorder", host.Query("CO-NONE"));

        Assert.Equal("ORDERNOTEXIST", reply["err_code"]);
    }

    [Fact]
    public async Task UnifiedOrder_AfterClose_ReportsOrderClosed()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.PlaceNativeOrderAsync("CO-4");
        await host.CallAsync("closeorder", host.Query("CO-4"));

        var reply = await host.CallAsync("unifiedorder", host.NativeOrder("CO-4"));

        Assert.Equal("ORDERCLOSED", reply["err_code"]);
    }

    [Fact]
    public async Task UnifiedOrder_AfterPayment_ReportsOrderPaid()
    {
        await using var host = await SandboxHost.StartAsync();
        using var scan = await host.ScanAsync(await host.PlaceNativeOrderAsync("CO-5"));

        var reply = await host.CallAsync("unifiedorder", host.NativeOrder("CO-5"));

        Assert.Equal("ORDERPAID", reply["err_code"]);
    }
}
