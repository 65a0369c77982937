using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.PaysApi;

/// <summary>
/// PaysAPI end to end against the sandbox: both istypes in both start modes, the pay and return pages,
/// a shaved realprice within tolerance, and no token in anything the shop, browser or payer sees.
/// </summary>
public class PaysApiFlowTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData(GatewayFactory.ClientAKey, "paysapi.alipay", "1")]
    [InlineData(GatewayFactory.ClientBKey, "paysapi.wechat", "2")]
    public async Task FormPost_PayPage_Sandbox_Notify_Succeeds(string apiKey, string channel, string istype)
    {
        var client = new PaysApiClient(gateway);
        var created = await client.CreateAsync(apiKey, channel, $"form-{istype}", 1234);
        var id = created.Str("id");
        Assert.Equal("pa-form", created.Str("provider"));
        Assert.Equal("form_post", created.Str("action.type"));
        Assert.Equal($"{gateway.BaseUrl}/sandbox/paysapi/", created.Str("action.url"));
        Assert.Equal("12.34", created.Str("action.fields.price"));
        Assert.Equal(istype, created.Str("action.fields.istype"));
        Assert.Equal(id, created.Str("action.fields.orderid"));
        Assert.Equal($"{gateway.BaseUrl}/p/pa-form/return?orderid={id}", created.Str("action.fields.return_url"));
        Assert.Equal($"{gateway.BaseUrl}/notify/pa-form", created.Str("action.fields.notify_url"));

        var (status, page) = await client.GetPageAsync($"/p/pa-form/pay/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<tea>", page, StringComparison.Ordinal);
        var (action, fields) = PaysApiClient.ParseForm(page);
        Assert.Equal(created.Str("action.url"), action);
        Assert.Equal("Oolong <tea> & \"cups\"", fields["goodsname"]);
        Assert.Equal(created.Str("action.fields.key"), fields["key"]);

        var (accepted, hosted) = await client.SubmitFormAsync(action, fields);
        Assert.True(accepted == HttpStatusCode.OK, hosted);
        Assert.Contains("id=\"qrcode\"", hosted, StringComparison.Ordinal);

        Assert.Contains("data-status=\"pending\"", (await client.GetPageAsync($"/p/pa-form/return?orderid={id}")).Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(id)).StatusCode);
        var paid = await client.WaitForAsync(apiKey, id, p => p.Str("status") == "succeeded");
        Assert.Equal("1234", paid.Str("paidAmount"));
        var sandboxOrder = await client.WaitForSandboxNotifyAsync(id, "delivered");
        Assert.Equal(sandboxOrder.Str("paysApiId"), paid.Str("providerTransactionId"));

        var returned = await client.GetPageAsync($"/p/pa-form/return?orderid={id}");
        Assert.Contains("data-status=\"paid\"", returned.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetPageAsync($"/p/pa-form/pay/{id}")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PayAsync(id)).StatusCode);
        client.AssertNoTokenInAnyBody();
    }

    [Theory]
    [InlineData(GatewayFactory.ClientAKey, "paysapi.wechat", "wxp://")]
    [InlineData(GatewayFactory.ClientBKey, "paysapi.alipay", "HTTPS://QR.ALIPAY.COM/")]
    public async Task Json_QrCode_ShavedRealPriceWithinTolerance_Succeeds(string apiKey, string channel, string qrPrefix)
    {
        var client = new PaysApiClient(gateway);
        var created = await client.CreateAsync(apiKey, channel, $"json-{channel}", 1000);
        var id = created.Str("id");
        Assert.Equal("pa-json", created.Str("provider"));
        Assert.Equal("qr_code", created.Str("action.type"));
        Assert.StartsWith(qrPrefix, created.Str("action.codeUrl"), StringComparison.Ordinal);
        Assert.Equal($"/v1/payments/{id}/qr.png", created.Str("action.qrImageUrl"));
        Assert.Equal(created.Str("action.codeUrl"), (await client.SandboxOrderAsync(id)).Str("qrCode"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync($"/p/pa-json/pay/{id}")).Status);

        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(id, realPrice: "9.97")).StatusCode);

        var paid = await client.WaitForAsync(apiKey, id, p => p.Str("status") == "succeeded");
        Assert.Equal("1000", paid.Str("amount"));
        Assert.Equal("997", paid.Str("paidAmount"));
        Assert.Null(paid["reviewReason"]);
        Assert.Contains("data-status=\"paid\"", (await client.GetPageAsync($"/p/pa-json/return?orderid={id}")).Body, StringComparison.Ordinal);
        client.AssertNoTokenInAnyBody();
    }

    [Fact]
    public async Task ReturnPage_ForgedOrderId_ShowsNothingUseful()
    {
        var client = new PaysApiClient(gateway);
        var other = await client.CreateAsync(GatewayFactory.ClientAKey, "paysapi.wechat", "forged-json", 4321);
        var wechat = await CreateAsync(gateway.ApiClient(), NativePayment("forged-wx", amount: 4321));

        foreach (var forged in new[] { other.Str("id"), wechat.Str("id"), "pay_does_not_exist", "" })
        {
            var (status, body) = await client.GetPageAsync($"/p/pa-form/return?orderid={Uri.EscapeDataString(forged)}");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("data-status=\"unknown\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("43.21", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync($"/p/pa-form/pay/{other.Str("id")}")).Status);
        client.AssertNoTokenInAnyBody();
    }

    [Fact]
    public async Task SandboxFormEndpoint_RefusesABadKey()
    {
        var client = new PaysApiClient(gateway);
        var created = await client.CreateAsync(GatewayFactory.ClientAKey, "paysapi.alipay", "bad-key", 100);
        var (action, fields) = PaysApiClient.ParseForm((await client.GetPageAsync($"/p/pa-form/pay/{created.Str("id")}")).Body);

        fields["price"] = "0.01";
        var (status, body) = await client.SubmitFormAsync(action, fields);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("data-code=\"-4\"", body, StringComparison.Ordinal);
    }
}
