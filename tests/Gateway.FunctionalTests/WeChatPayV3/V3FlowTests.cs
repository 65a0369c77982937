using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// Each WeChat channel of <c>demo-shop-v3</c> end to end on APIv3: created at the v3 sandbox, paid there, the
/// encrypted and signed notify received and acknowledged, the payment <c>succeeded</c>.
/// </summary>
public sealed class V3FlowTests(V3GatewayFactory gateway) : IClassFixture<V3GatewayFactory>
{
    [Fact]
    public async Task Native_IsPaidByScan_AndSucceedsThroughTheV3Notify()
    {
        var created = await CreateAsync(gateway.DemoApi(), Body("wechat.native", "v3-native-1", 1200));
        Assert.Equal("wx3-sandbox", created.Str("provider"));
        Assert.Equal("qr_code", created.Str("action.type"));

        var scan = await ScanAsync(gateway.Browser(), created.Str("action.codeUrl"));
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        await AssertSucceededThroughNotifyAsync(created.Str("id"), 1200);
    }

    [Fact]
    public async Task Jsapi_AnswersRsaSignedPayParameters_AndSucceeds()
    {
        var created = await CreateAsync(gateway.DemoApi(), Body("wechat.jsapi", "v3-jsapi-1", 990, openId: "oV3JsapiPayer000000000000001"));
        var parameters = created["action"]!["params"]!.AsObject();
        Assert.Equal("jsapi", created.Str("action.type"));
        Assert.Equal(["appId", "nonceStr", "package", "paySign", "signType", "timeStamp"], parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("RSA", parameters.Str("signType"));
        Assert.Equal(V3GatewayFactory.JsapiAppId, parameters.Str("appId"));
        AssertPaySign(parameters, V3GatewayFactory.JsapiAppId);

        await PayAsync(parameters.Str("package"));
        await AssertSucceededThroughNotifyAsync(created.Str("id"), 990);
    }

    [Fact]
    public async Task MiniProgram_AnswersParametersWithoutAppId_SignedWithTheMiniAppId_AndSucceeds()
    {
        var created = await CreateAsync(gateway.DemoApi(), Body("wechat.miniprogram", "v3-mini-1", 321, openId: "oV3MiniPayer0000000000000001"));
        Assert.Equal("wx3-mini-sandbox", created.Str("provider"));
        Assert.Equal("mini_program", created.Str("action.type"));
        var parameters = created["action"]!["params"]!.AsObject();
        Assert.Equal(["nonceStr", "package", "paySign", "signType", "timeStamp"], parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
        AssertPaySign(parameters, V3GatewayFactory.MiniAppId);

        await PayAsync(parameters.Str("package"));
        await AssertSucceededThroughNotifyAsync(created.Str("id"), 321);
    }

    [Fact]
    public async Task H5_RedirectsToTheCashierPage_WhichPays_AndSucceeds()
    {
        var created = await CreateAsync(gateway.DemoApi(), Body("wechat.h5", "v3-h5-1", 4500));
        Assert.Equal("redirect", created.Str("action.type"));
        var h5Url = created.Str("action.url");

        var browser = gateway.Browser();
        var page = await browser.GetStringAsync(h5Url);
        Assert.Contains("<form method=\"post\">", page, StringComparison.Ordinal);
        Assert.Contains("¥45.00", page, StringComparison.Ordinal);
        var prepayId = new Uri(h5Url).Query.Split("prepay_id=")[1];
        var paid = await browser.PostAsync(h5Url, new FormUrlEncodedContent([new("prepay_id", Uri.UnescapeDataString(prepayId))]));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

        await AssertSucceededThroughNotifyAsync(created.Str("id"), 4500);
    }

    [Fact]
    public async Task H5_WithoutAClientIp_IsRefusedBeforeAnythingIsStored()
    {
        var response = await gateway.DemoApi().PostAsJsonAsync("/v1/payments", new
        {
            channel = "wechat.h5", merchantOrderId = "v3-h5-noip", amount = 1, currency = "CNY", description = "tea", clientIp = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await ReadAsync(await gateway.DemoApi().GetAsync("/v1/payments?merchantOrderId=v3-h5-noip")))["data"]!.AsArray());
    }

    internal static object Body(string channel, string merchantOrderId, long amount, string? openId = null) => new
    {
        channel,
        merchantOrderId,
        amount,
        currency = "CNY",
        description = "APIv3 tea",
        clientIp = "203.0.113.7",
        payer = openId is null ? null : new { openId },
    };

    private async Task PayAsync(string package)
    {
        var response = await gateway.Browser().PostAsJsonAsync("/sandbox/wechatpay/pay", new { prepayId = package["prepay_id=".Length..] });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Succeeded, and because of the notify: the sandbox recorded it delivered, acknowledged with a 2xx.
    private async Task AssertSucceededThroughNotifyAsync(string id, long amount)
    {
        var payment = await WaitForStatusAsync(gateway.DemoApi(), id, "succeeded");
        Assert.Equal(amount.ToString(System.Globalization.CultureInfo.InvariantCulture), payment.Str("paidAmount"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonObject order;
        do
        {
            order = await ReadAsync(await gateway.Browser().GetAsync($"/sandbox/wechatpay/orders/{id}"));
            if (order.Str("notify.status") == "delivered")
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal("delivered", order.Str("notify.status"));
        Assert.Equal("200", order["notify"]!["attempts"]!.AsArray()[^1]!.Str("httpStatus"));
    }

    // paySign checked here with the merchant's public key over appId\ntimeStamp\nnonceStr\npackage\n.
    private static void AssertPaySign(JsonObject parameters, string appId)
    {
        var message = $"{appId}\n{parameters.Str("timeStamp")}\n{parameters.Str("nonceStr")}\n{parameters.Str("package")}\n";
        Assert.True(V3GatewayFactory.MerchantKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(parameters.Str("paySign")),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }
}
