using Gateway.FunctionalTests.Infrastructure;
using Gateway.TestMode;
using OpenQA.Selenium;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Checkout;

/// <summary>
/// <c>"channel": "any"</c> in a mobile browser outside WeChat: H5 comes first; chosen, the page follows the order's
/// h5_url to WeChat's cashier (the sandbox's), sending only its origin as the Referer, and the payment succeeds there.
/// </summary>
public sealed class CheckoutAggregatedMobileBrowserTests
{
    private const string MobileSafari =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task MobileBrowser_OffersH5First_AndTheChosenH5OrderIsPaidAtWeChatsCashier()
    {
        using var gateway = GatewayFactory.With(null);
        var api = gateway.ApiClient(TestModeV3Profile.DemoApiKey);
        var created = await CreateAsync(api, new
        {
            channel = "any", merchantOrderId = "checkout-any-h5", amount = 4200, currency = "CNY", description = "Da Hong Pao", clientIp = "203.0.113.10",
        });

        using var browser = new HeadlessChromium(MobileSafari);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));
        var choices = driver.FindElements(By.CssSelector("#choices button")).Select(b => b.GetAttribute("id")).ToList();
        Assert.Equal("choose-wechat-h5", choices[0]);
        Assert.DoesNotContain("choose-wechat-jsapi", choices);

        driver.FindElement(By.Id("choose-wechat-h5")).Click();
        browser.WaitUntil(d => d.Url.Contains("/sandbox/wechatpay/v3/h5/checkmweb", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "WeChat's H5 cashier");
        var referrer = (string)((IJavaScriptExecutor)driver).ExecuteScript("return document.referrer;")!;
        Assert.Equal($"{gateway.BaseUrl}/", referrer);
        var chosen = await GetAsync(api, created.Str("id"));
        Assert.Equal("wechat.h5", chosen.Str("channel"));

        driver.FindElement(By.CssSelector("button[type=submit]")).Click();
        Assert.Equal("succeeded", (await WaitForStatusAsync(api, created.Str("id"), "succeeded")).Str("status"));
    }
}
