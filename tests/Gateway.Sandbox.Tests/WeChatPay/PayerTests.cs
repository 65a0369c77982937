using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.WeChatPay;

public sealed class PayerTests
{
    [Fact]
    public async Task Scan_PaysOrder()
    {
        await using var host = await SandboxHost.StartAsync();
        var codeUrl = await host.PlaceNativeOrderAsync("PY-1");

        using var response = await host.ScanAsync(codeUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("PY-1", body.GetProperty("outTradeNo").GetString());
        Assert.Equal("paid", body.GetProperty("status").GetString());
        Assert.Matches("^4200[0-9]{24}$", body.GetProperty("transactionId").GetString());
    }

    [Fact]
    public async Task Scan_Rejects_UnknownCodeUrl()
    {
        await using var host = await SandboxHost.StartAsync();

        using var response = await host.ScanAsync("weixin://wxpay/bizpayurl?pr=doesNotExist");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "unknown_code_url");
    }

    [Theory]
    [InlineData("https://example.test/pay")]
    [InlineData("")]
    public async Task Scan_Rejects_NonWeChatCode(string codeUrl)
    {
        await using var host = await SandboxHost.StartAsync();

        using var response = await host.ScanAsync(codeUrl);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_code_url");
    }

    [Fact]
    public async Task Scan_Rejects_ProductCodeWhoseSignDoesNotVerify()
    {
        await using var host = await SandboxHost.StartAsync();

        using var response = await host.ScanAsync(
            "weixin://wxpay/bizpayurl?sign=ABC&appid=wx1&mch_id=1&product_id=sku&time_stamp=1&nonce_str=n");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_code_url_signature");
    }

    [Fact]
    public async Task Scan_Rejects_PaidOrder()
    {
        await using var host = await SandboxHost.StartAsync();
        var codeUrl = await host.PlaceNativeOrderAsync("PY-2");
        using var first = await host.ScanAsync(codeUrl);

        using var second = await host.ScanAsync(codeUrl);

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict, "order_paid");
    }

    [Fact]
    public async Task Scan_Rejects_ExpiredCodeUrl()
    {
        await using var host = await SandboxHost.StartAsync();
        var codeUrl = await host.PlaceNativeOrderAsync("PY-3");
        host.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        using var response = await host.ScanAsync(codeUrl);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Gone, "code_expired");
    }

    [Fact]
    public async Task Scan_Rejects_OrderPastTimeExpire()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.NativeOrder("PY-4");
        fields["time_expire"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(5)
            .ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var placed = await host.CallAsync("unifiedorder", fields);
        host.Time.Advance(TimeSpan.FromMinutes(6));

        using var response = await host.ScanAsync(placed["code_url"]);
        var query = await host.CallAsync("orderquery", host.Query("PY-4"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "order_closed");
        Assert.Equal("CLOSED", query["trade_state"]);
    }

    [Fact]
    public async Task Pay_ByPrepayId_PaysJsapiOrderAsItsOpenId()
    {
        await using var host = await SandboxHost.StartAsync();
        var openId = await host.IssueOpenIdAsync();
        var placed = await host.CallAsync("unifiedorder", host.JsapiOrder("PY-5", openId));
        Assert.False(placed.ContainsKey("code_url"));

        using var response = await host.Http.PostAsJsonAsync("/sandbox/wechatpay/pay", new { prepayId = placed["prepay_id"] });
        var query = await host.CallAsync("orderquery", host.Query("PY-5"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SUCCESS", query["trade_state"]);
        Assert.Equal(openId, query["openid"]);
    }

    [Fact]
    public async Task Pay_Rejects_UnknownPrepayId()
    {
        await using var host = await SandboxHost.StartAsync();

        using var response = await host.Http.PostAsJsonAsync("/sandbox/wechatpay/pay", new { prepayId = "wx00000000000000nothing" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "unknown_prepay_id");
    }

    [Fact]
    public async Task GetOrder_ShowsStateWithoutSecrets()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.PlaceNativeOrderAsync("PY-6");

        var order = await host.GetOrderAsync("PY-6");

        Assert.Equal("NOTPAY", order.GetProperty("tradeState").GetString());
        Assert.Equal(1234, order.GetProperty("totalFee").GetInt64());
        Assert.Equal("not_sent", order.GetProperty("notify").GetProperty("status").GetString());
        Assert.DoesNotContain(SandboxHost.ApiKey, order.GetRawText());
    }

    [Fact]
    public async Task GetOrder_Rejects_UnknownOrder()
    {
        await using var host = await SandboxHost.StartAsync();

        using var response = await host.Http.GetAsync("/sandbox/wechatpay/orders/nothing");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "order_not_found");
    }
}
