using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Payments;

public class NativePaymentFlowTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Create_Scan_Succeeds_EndToEnd()
    {
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("flow-1", amount: 1234));

        Assert.Equal("pending", created.Str("status"));
        Assert.Equal("wx-a", created.Str("provider"));
        Assert.Equal("1234", created.Str("amount"));
        Assert.Equal("qr_code", created.Str("action.type"));
        var codeUrl = created.Str("action.codeUrl");
        Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", codeUrl);
        var id = created.Str("id");
        Assert.Equal($"/v1/payments/{id}/qr.png", created.Str("action.qrImageUrl"));

        var png = await gateway.ApiClient(apiKey: null).GetAsync(created.Str("action.qrImageUrl"));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);

        var scan = await ScanAsync(api, codeUrl);
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);

        var paid = await WaitForStatusAsync(api, id, "succeeded");
        Assert.Equal("1234", paid.Str("paidAmount"));
        Assert.StartsWith("4200", paid.Str("providerTransactionId"));
        Assert.Null(paid["action"]);
        Assert.Equal("7", paid.Str("metadata.table"));
    }

    [Fact]
    public async Task TwoMerchantAccounts_OfOnePlugin_WorkSideBySide()
    {
        var a = await CreateAsync(gateway.ApiClient(GatewayFactory.ClientAKey), NativePayment("side-a"));
        var b = await CreateAsync(gateway.ApiClient(GatewayFactory.ClientBKey), NativePayment("side-b"));
        Assert.Equal("wx-a", a.Str("provider"));
        Assert.Equal("wx-b", b.Str("provider"));

        await ScanAsync(gateway.ApiClient(), a.Str("action.codeUrl"));
        await ScanAsync(gateway.ApiClient(), b.Str("action.codeUrl"));

        await WaitForStatusAsync(gateway.ApiClient(GatewayFactory.ClientAKey), a.Str("id"), "succeeded");
        await WaitForStatusAsync(gateway.ApiClient(GatewayFactory.ClientBKey), b.Str("id"), "succeeded");
    }

    [Fact]
    public async Task Close_ClosesAtProvider_ThenScanIsRefused()
    {
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("close-1"));

        var close = await api.PostAsync($"/v1/payments/{created.Str("id")}/close", null);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal("closed", (await ReadAsync(close)).Str("status"));

        var scan = await ScanAsync(api, created.Str("action.codeUrl"));
        Assert.False(scan.IsSuccessStatusCode);
        Assert.Equal("closed", (await GetAsync(api, created.Str("id"))).Str("status"));

        var again = await api.PostAsync($"/v1/payments/{created.Str("id")}/close", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Close_AfterPayment_IsRefused_AndPaymentShowsSucceeded()
    {
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, NativePayment("close-paid"));
        await ScanAsync(api, created.Str("action.codeUrl"));
        await WaitForStatusAsync(api, created.Str("id"), "succeeded");

        var close = await api.PostAsync($"/v1/payments/{created.Str("id")}/close", null);

        Assert.Equal(HttpStatusCode.Conflict, close.StatusCode);
        Assert.Equal("invalid_state", (await ReadAsync(close)).Str("code"));
    }

    [Fact]
    public async Task ListByMerchantOrderId_ShowsOnlyOwnPayments()
    {
        await CreateAsync(gateway.ApiClient(GatewayFactory.ClientAKey), NativePayment("shared-order-id"));
        await CreateAsync(gateway.ApiClient(GatewayFactory.ClientBKey), NativePayment("shared-order-id"));

        var list = await ReadAsync(await gateway.ApiClient(GatewayFactory.ClientAKey).GetAsync("/v1/payments?merchantOrderId=shared-order-id"));

        var data = list["data"]!.AsArray();
        Assert.Single(data);
        Assert.Equal("wx-a", data[0].Str("provider"));
    }
}
