using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.WeChatInApp;
using OpenQA.Selenium;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Checkout;

/// <summary>
/// <c>"channel": "any"</c> opened inside WeChat: the page logs the payer in through the JSAPI instance's OAuth
/// (for the openid), chooses JSAPI with it, and ends on the WeixinJSBridge launcher; paid, the payment succeeds.
/// </summary>
public sealed class CheckoutAggregatedWeChatBrowserTests(WeChatInAppFactory gateway) : IClassFixture<WeChatInAppFactory>
{
    private const string WeChatUserAgent =
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) NetType/WIFI Language/zh_CN";

    [Fact]
    public async Task InsideWeChat_TheAnyPaymentEndsOnTheJsapiLauncher_AndSucceedsWhenPaid()
    {
        var created = await CreateAsync(gateway.DemoApi(), new
        {
            channel = "any", merchantOrderId = "checkout-any-wechat", amount = 2600, currency = "CNY", description = "Tea set", clientIp = "203.0.113.10",
        });

        using var browser = new HeadlessChromium(WeChatUserAgent);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));

        // OAuth (sandbox authorize → the instance's callback → the page's /wechat choice) happens by itself.
        browser.WaitUntil(d => d.FindElements(By.Id("jsapi-pay")).Count > 0, TimeSpan.FromSeconds(20), "the JSAPI launcher");
        var chosen = await GetAsync(gateway.DemoApi(), created.Str("id"));
        Assert.Equal("wechat.jsapi", chosen.Str("channel"));
        Assert.Equal(WeChatInAppFactory.JsapiInstance, chosen.Str("provider"));

        var js = (IJavaScriptExecutor)driver;
        js.ExecuteScript("""
            window.WeixinJSBridge = { invoke: function (name, params, cb) { window.invoked = { name: name, params: params }; cb({ err_msg: 'get_brand_wcpay_request:ok' }); } };
            document.dispatchEvent(new Event('WeixinJSBridgeReady'));
            """);
        Assert.Equal("getBrandWCPayRequest", js.ExecuteScript("return window.invoked.name;"));
        var package = (string)js.ExecuteScript("return window.invoked.params.package;")!;
        Assert.Equal(chosen.Str("action.params.package"), package);
        browser.Screenshot("any-wechat-launcher");

        var paid = await gateway.Browser().PostAsJsonAsync("/sandbox/wechatpay/pay", new { prepayId = package["prepay_id=".Length..] });
        paid.EnsureSuccessStatusCode();
        browser.WaitUntil(d => d.FindElement(By.TagName("body")).GetAttribute("data-status") == "succeeded", TimeSpan.FromSeconds(15), "the success view");
        Assert.Empty(browser.CspViolations());
        Assert.Equal("succeeded", (await WaitForStatusAsync(gateway.DemoApi(), created.Str("id"), "succeeded")).Str("status"));
    }

    [Fact]
    public async Task AForgedOpenIdHandOff_ChoosesNothing()
    {
        var created = await CreateAsync(gateway.DemoApi(), new
        {
            channel = "any", merchantOrderId = "checkout-any-forged", amount = 100, currency = "CNY", description = "Tea", clientIp = "203.0.113.10",
        });
        var link = new Uri(created.Str("action.checkoutUrl"));
        var forged = $"{link.AbsolutePath}/wechat{link.Query}&via={WeChatInAppFactory.JsapiInstance}&openid=oForged&expires=9999999999&signature={new string('a', 64)}";

        var answer = await gateway.Browser().GetAsync(forged);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("retry=1", answer.Headers.Location!.ToString(), StringComparison.Ordinal);
        var payment = await GetAsync(gateway.DemoApi(), created.Str("id"));
        Assert.Equal("any", payment.Str("channel"));
        Assert.Equal("", payment.Str("provider"));
    }
}
