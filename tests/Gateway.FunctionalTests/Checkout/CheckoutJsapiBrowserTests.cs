using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.WeChatInApp;
using OpenQA.Selenium;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Checkout;

/// <summary>A JSAPI payment's checkout: the WeixinJSBridge launcher inside WeChat, a QR of its own URL elsewhere.</summary>
public sealed class CheckoutJsapiBrowserTests(WeChatInAppFactory gateway) : IClassFixture<WeChatInAppFactory>
{
    private const string WeChatUserAgent =
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) NetType/WIFI Language/zh_CN";

    [Fact]
    public async Task InsideWeChat_ThePageCallsGetBrandWCPayRequestWithThePaymentsParameters_AndTurnsToSuccess()
    {
        var created = await CreateAsync(gateway.DemoApi(), JsapiPayment("checkout-jsapi-1", await IssuedOpenIdAsync()));
        using var browser = new HeadlessChromium(WeChatUserAgent);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));
        Assert.True(driver.FindElement(By.Id("jsapi-pay")).Displayed);

        // Headless Chromium has no WeixinJSBridge: play WeChat, which injects it and fires WeixinJSBridgeReady.
        var js = (IJavaScriptExecutor)driver;
        js.ExecuteScript("""
            window.WeixinJSBridge = { invoke: function (name, params, cb) { window.invoked = { name: name, params: params }; cb({ err_msg: 'get_brand_wcpay_request:ok' }); } };
            document.dispatchEvent(new Event('WeixinJSBridgeReady'));
            """);
        Assert.Equal("getBrandWCPayRequest", js.ExecuteScript("return window.invoked.name;"));
        var package = (string)js.ExecuteScript("return window.invoked.params.package;")!;
        Assert.Equal(created.Str("action.params.package"), package);
        Assert.Equal(created.Str("action.params.paySign"), js.ExecuteScript("return window.invoked.params.paySign;"));
        browser.Screenshot("jsapi-launcher");

        var paid = await gateway.Browser().PostAsJsonAsync("/sandbox/wechatpay/pay", new { prepayId = package["prepay_id=".Length..] });
        paid.EnsureSuccessStatusCode();
        browser.WaitUntil(d => d.FindElement(By.TagName("body")).GetAttribute("data-status") == "succeeded", TimeSpan.FromSeconds(15), "the success view");
        Assert.Empty(browser.CspViolations());
    }

    [Fact]
    public async Task OutsideWeChat_ThePageShowsAQrOfItsOwnUrl()
    {
        var created = await CreateAsync(gateway.DemoApi(), JsapiPayment("checkout-jsapi-2", await IssuedOpenIdAsync()));
        using var browser = new HeadlessChromium(mobile: false);
        browser.Driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));

        Assert.True(browser.Driver.FindElement(By.Id("open-in-wechat")).Displayed);
        Assert.Empty(browser.Driver.FindElements(By.Id("jsapi-pay")));
        browser.WaitUntil(d => ((IJavaScriptExecutor)d).ExecuteScript("var i = document.getElementById('qr'); return i.complete && i.naturalWidth > 0;") is true,
            TimeSpan.FromSeconds(10), "the QR image");
        Assert.Equal(created.Str("action.checkoutUrl"), CheckoutBrowserTests.DecodeQr(browser.Driver, "qr"));
        Assert.Empty(browser.CspViolations());
    }

    // The sandbox, like WeChat, refuses an openid its app never issued: log in through the instance's OAuth first.
    private Task<string> IssuedOpenIdAsync() => WeChatInAppFlowTests.LoginThroughOAuthAsync(gateway.Browser(), "/after-login");

    private static object JsapiPayment(string merchantOrderId, string openId) => new
    {
        channel = "wechat.jsapi", merchantOrderId, amount = 2500, currency = "CNY", description = "Tea set",
        clientIp = "203.0.113.10", payer = new { openId },
    };
}
