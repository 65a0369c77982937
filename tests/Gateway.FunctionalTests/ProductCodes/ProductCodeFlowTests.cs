using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.ProductCodes.ProductCodeCalls;

namespace Gateway.FunctionalTests.ProductCodes;

public class ProductCodeFlowTests(ProductCodeGatewayFactory gateway) : IClassFixture<ProductCodeGatewayFactory>
{
    [Fact]
    public async Task Register_ReturnsSignedLink_ThatAnIndependentSignerVerifies()
    {
        var api = gateway.ApiClient();
        var code = await RegisterAsync(api, ProductCode("oolong-1", amount: 880));

        Assert.StartsWith("pc_", code.Str("id"));
        Assert.Equal("oolong-1", code.Str("productId"));
        Assert.Equal("wx-a", code.Str("provider"));
        Assert.Equal("880", code.Str("amount"));
        Assert.Equal("Bottle of oolong", code.Str("description"));
        Assert.Equal("active", code.Str("status"));
        var link = code.Str("codeUrl");
        Assert.StartsWith("weixin://wxpay/bizpayurl?sign=", link);
        var fields = LinkFields(link);
        Assert.Equal(GatewayFactory.AppA, fields["appid"]);
        Assert.Equal(GatewayFactory.MchA, fields["mch_id"]);
        Assert.Equal("oolong-1", fields["product_id"]);
        Assert.True(long.Parse(fields["time_stamp"]) > 1_700_000_000);
        Assert.Equal(32, fields["nonce_str"].Length);
        Assert.Equal(IndependentWeChatSigner.Md5(fields, GatewayFactory.MerchantAKey), fields["sign"]);

        var png = await gateway.ApiClient(apiKey: null).GetAsync(code.Str("qrImageUrl"));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);

        var fetched = await ReadAsync(await api.GetAsync($"/v1/product-codes/{code.Str("id")}"));
        Assert.Equal(link, fetched.Str("codeUrl"));
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.ApiClient(GatewayFactory.ClientBKey).GetAsync($"/v1/product-codes/{code.Str("id")}")).StatusCode);
    }

    [Fact]
    public async Task HmacMerchant_SignsItsLinkWithHmac()
    {
        var code = await RegisterAsync(gateway.ApiClient(GatewayFactory.ClientBKey), ProductCode("hmac-tea"));

        var fields = LinkFields(code.Str("codeUrl"));
        Assert.Equal("wx-b", code.Str("provider"));
        Assert.Equal(IndependentWeChatSigner.HmacSha256(fields, GatewayFactory.MerchantBKey), fields["sign"]);
        var scan = await ScanAsync(gateway.ApiClient(), code.Str("codeUrl"));
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
    }

    [Fact]
    public async Task DuplicateProductId_ForSameClient_Is409()
    {
        var api = gateway.ApiClient();
        await RegisterAsync(api, ProductCode("dup-1"));

        var again = await api.PostAsJsonAsync("/v1/product-codes", ProductCode("dup-1", amount: 1));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("duplicate_product_id", (await ReadAsync(again)).Str("code"));
    }

    [Theory]
    [InlineData("has space", 100)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", 100)]
    [InlineData("ok", 0)]
    public async Task InvalidBody_Is400(string productId, long amount)
    {
        var response = await gateway.ApiClient().PostAsJsonAsync("/v1/product-codes", ProductCode(productId, amount));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ScannedTwice_GivesTwoPaidPayments_ForThatProduct()
    {
        var api = gateway.ApiClient();
        var code = await RegisterAsync(api, ProductCode("twice-1", amount: 1500));

        var first = await ScanAsync(api, code.Str("codeUrl"));
        var second = await ScanAsync(api, code.Str("codeUrl"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("paid", (await ReadAsync(first)).Str("status"));

        var payments = await PaymentsOfAsync(api, code.Str("id"));
        Assert.Equal(2, payments.Count);
        Assert.NotEqual(payments[0].Str("id"), payments[1].Str("id"));
        foreach (var listed in payments)
        {
            var paid = await WaitForStatusAsync(api, listed.Str("id"), "succeeded");
            Assert.Equal("1500", paid.Str("amount"));
            Assert.Equal("1500", paid.Str("paidAmount"));
            Assert.Equal("wx-a", paid.Str("provider"));
            Assert.StartsWith("twice-1-", paid.Str("merchantOrderId"));
            Assert.Equal(code.Str("id"), paid.Str("metadata.productCodeId"));
            Assert.Equal("B2", paid.Str("metadata.shelf"));
            var byOrderId = await ReadAsync(await api.GetAsync($"/v1/payments?merchantOrderId={paid.Str("merchantOrderId")}"));
            Assert.Single(byOrderId["data"]!.AsArray());
        }
    }

    [Fact]
    public async Task PaymentFromProductCode_SendsWebhook_ToTheCodesNotifyUrl()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var api = gateway.ApiClient();
        var code = await RegisterAsync(api, new { channel = "wechat.native", productId = "hooked-1", amount = 300, description = "Tea", notifyUrl = receiver.Url });

        var scan = await ScanAsync(api, code.Str("codeUrl"));

        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        var payment = Assert.Single(await PaymentsOfAsync(api, code.Str("id")));
        await WaitForStatusAsync(api, payment.Str("id"), "succeeded");
        await receiver.WaitForAsync(r => r.Deliveries.Any(d => d.Acknowledged && d.Body.Contains(payment.Str("id"), StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        Assert.Contains(receiver.Deliveries, d => d.Body.Contains("payment.succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TamperedLink_IsRefusedBySandbox_AndCreatesNothing()
    {
        var api = gateway.ApiClient();
        var code = await RegisterAsync(api, ProductCode("tamper-1"));
        var tampered = code.Str("codeUrl").Replace("product_id=tamper-1", "product_id=tamper-2", StringComparison.Ordinal);

        var scan = await ScanAsync(api, tampered);

        Assert.Equal(HttpStatusCode.BadRequest, scan.StatusCode);
        Assert.Equal("invalid_code_url_signature", (await ReadAsync(scan)).Str("code"));
        Assert.Empty(await PaymentsOfAsync(api, code.Str("id")));
    }

    [Fact]
    public async Task ScanCallback_WithBadSignature_AnswersUnsignedFail_AndCreatesNothing()
    {
        var api = gateway.ApiClient();
        var code = await RegisterAsync(api, ProductCode("badsig-1"));
        var forged = ScanCallbackXml(GatewayFactory.AppA, GatewayFactory.MchA, "badsig-1", key: GatewayFactory.MerchantBKey);

        var reply = await PostScanCallbackAsync(gateway.ApiClient(apiKey: null), "wx-a", forged);

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.False(reply.ContainsKey("sign"));
        Assert.False(reply.ContainsKey("prepay_id"));
        Assert.Empty(await PaymentsOfAsync(api, code.Str("id")));
    }

    [Fact]
    public async Task ScanCallback_ForValidScan_AnswersSignedPrepayId()
    {
        var api = gateway.ApiClient();
        var code = await RegisterAsync(api, ProductCode("direct-1", amount: 66));

        var reply = await PostScanCallbackAsync(gateway.ApiClient(apiKey: null), "wx-a",
            ScanCallbackXml(GatewayFactory.AppA, GatewayFactory.MchA, "direct-1", GatewayFactory.MerchantAKey));

        Assert.Equal("SUCCESS", reply["return_code"]);
        Assert.Equal("SUCCESS", reply["result_code"]);
        Assert.Equal(GatewayFactory.AppA, reply["appid"]);
        Assert.Equal(GatewayFactory.MchA, reply["mch_id"]);
        Assert.False(string.IsNullOrEmpty(reply["prepay_id"]));
        Assert.Equal(IndependentWeChatSigner.Md5(reply, GatewayFactory.MerchantAKey), reply["sign"]);
        var payment = Assert.Single(await PaymentsOfAsync(api, code.Str("id")));
        Assert.Equal("pending", payment.Str("status"));
        Assert.Equal("66", payment.Str("amount"));
    }

    [Fact]
    public async Task DisabledProductCode_AnswersSignedFail_AndCreatesNothing()
    {
        var api = gateway.ApiClient();
        var code = await RegisterAsync(api, ProductCode("gone-1"));
        var disabled = await api.PostAsync($"/v1/product-codes/{code.Str("id")}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal("disabled", (await ReadAsync(disabled)).Str("status"));

        var reply = await PostScanCallbackAsync(gateway.ApiClient(apiKey: null), "wx-a",
            ScanCallbackXml(GatewayFactory.AppA, GatewayFactory.MchA, "gone-1", GatewayFactory.MerchantAKey));
        var scan = await ScanAsync(api, code.Str("codeUrl"));

        Assert.Equal("SUCCESS", reply["return_code"]);
        Assert.Equal("FAIL", reply["result_code"]);
        Assert.False(string.IsNullOrEmpty(reply["err_code_des"]));
        Assert.False(reply.ContainsKey("prepay_id"));
        Assert.Equal(IndependentWeChatSigner.Md5(reply, GatewayFactory.MerchantAKey), reply["sign"]);
        Assert.Equal(HttpStatusCode.Conflict, scan.StatusCode);
        Assert.Equal("merchant_refused", (await ReadAsync(scan)).Str("code"));
        Assert.Empty(await PaymentsOfAsync(api, code.Str("id")));
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.ApiClient(apiKey: null).GetAsync(code.Str("qrImageUrl"))).StatusCode);
    }

    [Fact]
    public async Task UnknownProduct_AnswersSignedFail()
    {
        var reply = await PostScanCallbackAsync(gateway.ApiClient(apiKey: null), "wx-a",
            ScanCallbackXml(GatewayFactory.AppA, GatewayFactory.MchA, "never-registered", GatewayFactory.MerchantAKey));

        Assert.Equal("FAIL", reply["result_code"]);
        Assert.Equal(IndependentWeChatSigner.Md5(reply, GatewayFactory.MerchantAKey), reply["sign"]);
    }

    [Fact]
    public async Task TestMode_DemoShop_CanRegisterAndScan()
    {
        var demo = gateway.ApiClient("sk_test_demo_shop");
        var code = await RegisterAsync(demo, ProductCode("demo-tea"));
        Assert.Equal("wx-sandbox", code.Str("provider"));

        var scan = await ScanAsync(demo, code.Str("codeUrl"));

        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        var payment = Assert.Single(await PaymentsOfAsync(demo, code.Str("id")));
        await WaitForStatusAsync(demo, payment.Str("id"), "succeeded");
    }
}
