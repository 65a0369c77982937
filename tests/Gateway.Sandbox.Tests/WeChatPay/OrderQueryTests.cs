using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.WeChatPay;

public sealed class OrderQueryTests
{
    [Fact]
    public async Task OrderQuery_BeforePayment_ReportsNotPay()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.PlaceNativeOrderAsync("OQ-1");

        var reply = await host.CallAsync("orderquery", host.Query("OQ-1"));

        Assert.Equal("SUCCESS", reply["result_code"]);
        Assert.Equal("NOTPAY", reply["trade_state"]);
        Assert.False(reply.ContainsKey("transaction_id"));
        Assert.True(IndependentSigner.IsSignedWith(reply, SandboxHost.ApiKey, IndependentSigner.Md5));
    }

    [Fact]
    public async Task OrderQuery_AfterPayment_ReportsSuccessWithPaymentFields()
    {
        await using var host = await SandboxHost.StartAsync();
        var codeUrl = await host.PlaceNativeOrderAsync("OQ-2");
        using var scan = await host.ScanAsync(codeUrl);
        var paid = await scan.Content.ReadFromJsonAsync<JsonElement>();

        var reply = await host.CallAsync("orderquery", host.Query("OQ-2"));

        Assert.Equal("SUCCESS", reply["trade_state"]);
        Assert.Equal(paid.GetProperty("transactionId").GetString(), reply["transaction_id"]);
        Assert.Matches("^4200[0-9]{24}$", reply["transaction_id"]);
        Assert.Equal("1234", reply["total_fee"]);
        Assert.Equal("1234", reply["cash_fee"]);
        Assert.Equal("CNY", reply["fee_type"]);
        Assert.Equal("NATIVE", reply["trade_type"]);
        Assert.Equal("OTHERS", reply["bank_type"]);
        Assert.Equal("order-attach", reply["attach"]);
        Assert.Equal("OQ-2", reply["out_trade_no"]);
        Assert.StartsWith("oSandboxPayer", reply["openid"]);
        Assert.Matches("^[0-9]{14}$", reply["time_end"]);
        Assert.True(IndependentSigner.IsSignedWith(reply, SandboxHost.ApiKey, IndependentSigner.Md5));
    }

    [Fact]
    public async Task OrderQuery_ByTransactionId_FindsPaidOrder()
    {
        await using var host = await SandboxHost.StartAsync();
        var codeUrl = await host.PlaceNativeOrderAsync("OQ-3");
        using var scan = await host.ScanAsync(codeUrl);
        var transactionId = (await scan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transactionId").GetString()!;
        var query = host.Query("ignored");
        query.Remove("out_trade_no");
        query["transaction_id"] = transactionId;

        var reply = await host.CallAsync("orderquery", query);

        Assert.Equal("OQ-3", reply["out_trade_no"]);
    }

    [Fact]
    public async Task OrderQuery_Rejects_MissingOrderIds()
    {
        await using var host = await SandboxHost.StartAsync();
        var query = host.Query("x");
        query.Remove("out_trade_no");

        var reply = await host.CallAsync("orderquery", query);

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("LACK_PARAMS", reply["return_msg"]);
    }

    [Fact]
    public async Task OrderQuery_UnknownOrder_ReportsOrderNotExist()
    {
        await using var host = await SandboxHost.StartAsync();

        var reply = await host.CallAsync("orderquery", host.Query("OQ-NONE"));

        Assert.Equal("SUCCESS", reply["return_code"]);
        Assert.Equal("FAIL", reply["result_code"]);
        Assert.Equal("ORDERNOTEXIST", reply["err_code"]);
    }

    [Fact]
    public async Task OrderQuery_OtherMerchant_CannotSeeOrder()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.PlaceNativeOrderAsync("OQ-4");
        var query = host.Query("OQ-4");
        query["mch_id"] = SandboxHost.OtherMchId;
        query["appid"] = SandboxHost.OtherAppId;

        var reply = await host.CallAsync("orderquery", query, key: SandboxHost.OtherApiKey);

        Assert.Equal("ORDERNOTEXIST", reply["err_code"]);
    }
}
