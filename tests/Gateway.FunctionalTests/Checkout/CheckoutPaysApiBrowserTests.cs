using Gateway.FunctionalTests.Infrastructure;
using OpenQA.Selenium;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Checkout;

/// <summary>
/// PaysAPI through the checkout page in a real headless Chromium, against the sandbox: the form mode's page
/// posts itself to PaysAPI's pay page, and the JSON mode's page shows the QR and turns to success when paid.
/// </summary>
public sealed class CheckoutPaysApiBrowserTests
{
    [Fact]
    public async Task FormMode_PostsItselfToThePayPage_AndThePaymentSucceedsWhenThePayerPays()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Clients:client-a:DisplayName"] = "Tea House" });
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, new
        {
            channel = "paysapi.alipay", merchantOrderId = "checkout-paysapi-form", amount = 1990, currency = "CNY",
            description = "Pu'er cake", clientIp = "203.0.113.10", returnUrl = $"{gateway.BaseUrl}/health/live?back=form",
        });
        Assert.Equal("form_post", created.Str("action.type"));

        using var browser = new HeadlessChromium();
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));

        // The page posts the signed form by itself: the browser lands on PaysAPI's pay page for this order.
        browser.WaitUntil(d => d.FindElements(By.Id("orderid")).Count > 0, TimeSpan.FromSeconds(15), "PaysAPI's pay page");
        Assert.Equal(created.Str("id"), driver.FindElement(By.Id("orderid")).Text);
        Assert.Equal("19.90", driver.FindElement(By.Id("price")).Text);
        Assert.Empty(browser.CspViolations());
        browser.Screenshot("paysapi-form-pay-page");

        // The payer pays; PaysAPI returns the browser to the gateway, which shows the stored state once the notify is in.
        driver.FindElement(By.Id("pay")).Click();
        browser.WaitUntil(d => d.Url.Contains("/p/pa-form/return", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the return page");
        await WaitForStatusAsync(api, created.Str("id"), "succeeded");
        browser.WaitUntil(d => d.FindElements(By.CssSelector("#status[data-status=paid]")).Count > 0, TimeSpan.FromSeconds(15), "the paid return page");

        // The checkout link now shows the success view and goes back to the shop.
        driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));
        browser.WaitUntil(d => d.Url.EndsWith("back=form", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the redirect to returnUrl");
    }

    [Fact]
    public async Task FormMode_ShowsAButton_WhenTheFormDoesNotPostItself()
    {
        using var gateway = GatewayFactory.With(null);
        var created = await CreateAsync(gateway.ApiClient(), new
        {
            channel = "paysapi.alipay", merchantOrderId = "checkout-paysapi-button", amount = 100, currency = "CNY",
            description = "Tea", clientIp = "203.0.113.10",
        });

        // Fetched, not navigated: the script does not run, as in a browser that blocks it; the button is the way on.
        using var http = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };
        var html = await http.GetStringAsync(new Uri(created.Str("action.checkoutUrl")).PathAndQuery);
        Assert.Contains($"<form id=\"provider-form\" method=\"post\" action=\"{gateway.BaseUrl}/sandbox/paysapi/\">", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Continue to pay</button>", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"orderid\" value=\"{created.Str("id")}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonMode_ShowsThePaysApiQr_AndTurnsToSuccessWhenThePayerPays()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Clients:client-a:DisplayName"] = "Tea House" });
        var api = gateway.ApiClient();
        var returnUrl = $"{gateway.BaseUrl}/health/live?back=qr";
        var created = await CreateAsync(api, new
        {
            channel = "paysapi.wechat", merchantOrderId = "checkout-paysapi-qr", amount = 880, currency = "CNY",
            description = "Jasmine tea", clientIp = "203.0.113.10", returnUrl,
        });
        Assert.Equal("qr_code", created.Str("action.type"));

        using var browser = new HeadlessChromium();
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));
        Assert.Equal("¥8.80", driver.FindElement(By.Id("amount")).Text);
        browser.WaitUntil(d => ((IJavaScriptExecutor)d).ExecuteScript("var i = document.getElementById('qr'); return i.complete && i.naturalWidth > 0;") is true,
            TimeSpan.FromSeconds(10), "the QR image");
        Assert.Equal(created.Str("action.codeUrl"), CheckoutBrowserTests.DecodeQr(driver, "qr"));
        Assert.Equal("Scan with WeChat to pay", driver.FindElement(By.CssSelector("#live .hint:not(:first-child)")).Text);
        browser.Screenshot("paysapi-qr");

        // A person's way through the sandbox: its pay page in a second tab, and the "Pay" button; the open page follows without a reload.
        var checkoutTab = driver.CurrentWindowHandle;
        var sandboxUrl = driver.FindElement(By.Id("sandbox-pay")).GetAttribute("href")!;
        driver.SwitchTo().NewWindow(WindowType.Tab);
        driver.Navigate().GoToUrl(sandboxUrl);
        Assert.Equal(created.Str("id"), driver.FindElement(By.Id("orderid")).Text);
        driver.FindElement(By.Id("pay")).Click();
        browser.WaitUntil(d => d.Url.Contains("/p/pa-json/return", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "PaysAPI's return to the gateway");
        driver.SwitchTo().Window(checkoutTab);

        browser.WaitUntil(d => d.FindElement(By.TagName("body")).GetAttribute("data-status") == "succeeded", TimeSpan.FromSeconds(15), "the success view");
        Assert.True(driver.FindElement(By.Id("final-succeeded")).Displayed);
        Assert.Empty(browser.CspViolations());
        browser.WaitUntil(d => d.Url == returnUrl, TimeSpan.FromSeconds(10), "the redirect to returnUrl");
        Assert.Equal("succeeded", (await GetAsync(api, created.Str("id"))).Str("status"));
    }
}
