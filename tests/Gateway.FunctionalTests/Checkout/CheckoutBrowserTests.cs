using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using ZXing;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Checkout;

/// <summary>The checkout page in a real headless Chromium: what the payer sees, live status, and the way back.</summary>
public sealed class CheckoutBrowserTests
{
    private static readonly Dictionary<string, string?> FastSync = new()
    {
        ["Gateway:Sync:Schedule:0"] = "00:00:00.300",
        ["Gateway:Sync:Schedule:1"] = "00:00:00.300",
    };

    [Fact]
    public async Task NativeCheckout_ShowsAmountAndQr_TurnsToSuccessWhenPaidInTheSandbox_AndReturnsToTheMerchant()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Clients:client-a:DisplayName"] = "Demo Shop" });
        var api = gateway.ApiClient();
        var returnUrl = $"{gateway.BaseUrl}/health/live?back=order-1";
        var created = await CreateAsync(api, new
        {
            channel = "wechat.native", merchantOrderId = "checkout-native", amount = 1234, currency = "CNY",
            description = "Oolong tea, 100 g", clientIp = "203.0.113.10", returnUrl,
        });
        var codeUrl = created.Str("action.codeUrl");

        using var browser = new HeadlessChromium();
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));

        Assert.Equal("Demo Shop", driver.FindElement(By.Id("merchant")).Text);
        Assert.Equal("¥12.34", driver.FindElement(By.Id("amount")).Text);
        Assert.Equal("Oolong tea, 100 g", driver.FindElement(By.ClassName("desc")).Text);
        browser.WaitUntil(d => ((IJavaScriptExecutor)d).ExecuteScript("var i = document.getElementById('qr'); return i.complete && i.naturalWidth > 0;") is true,
            TimeSpan.FromSeconds(10), "the QR image");
        Assert.Equal(codeUrl, DecodeQr(driver, "qr"));
        Assert.Matches(@"^\d+:\d\d$", driver.FindElement(By.Id("countdown")).Text);
        browser.Screenshot("native-qr");

        // A person's way through the sandbox: its payer page in a second tab, and the "Pay" button.
        var checkoutTab = driver.CurrentWindowHandle;
        var sandboxUrl = driver.FindElement(By.Id("sandbox-pay")).GetAttribute("href")!;
        driver.SwitchTo().NewWindow(WindowType.Tab);
        driver.Navigate().GoToUrl(sandboxUrl);
        driver.FindElement(By.Id("pay")).Click();
        // The button posts a form: wait for the answer page rather than racing its navigation.
        browser.WaitUntil(d => d.FindElements(By.Id("result")).Count > 0, TimeSpan.FromSeconds(15), "the sandbox's answer page");
        Assert.Contains("Paid", driver.FindElement(By.Id("result")).Text, StringComparison.Ordinal);
        driver.SwitchTo().Window(checkoutTab);

        browser.WaitUntil(d => d.FindElement(By.TagName("body")).GetAttribute("data-status") == "succeeded", TimeSpan.FromSeconds(15), "the success view");
        Assert.True(driver.FindElement(By.Id("final-succeeded")).Displayed);
        Assert.False(driver.FindElement(By.Id("live")).Displayed);
        browser.Screenshot("native-success");
        Assert.Empty(browser.CspViolations());

        browser.WaitUntil(d => d.Url == returnUrl, TimeSpan.FromSeconds(10), "the redirect to returnUrl");
        Assert.Equal("succeeded", (await GetAsync(api, created.Str("id"))).Str("status"));
    }

    [Fact]
    public async Task ExpiredPayment_ShowsItsFinalView_InChinese()
    {
        var clock = new ShiftedTimeProvider();
        using var gateway = GatewayFactory.With(FastSync, services => services.AddSingleton<TimeProvider>(clock));
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, new
        {
            channel = "wechat.native", merchantOrderId = "checkout-expiring", amount = 500, currency = "CNY",
            description = "Green tea", clientIp = "203.0.113.10", expiresIn = 120, returnUrl = $"{gateway.BaseUrl}/health/live",
        });

        using var browser = new HeadlessChromium();
        browser.Driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));
        Assert.Equal("pending", browser.Driver.FindElement(By.TagName("body")).GetAttribute("data-status"));

        clock.Advance(TimeSpan.FromMinutes(3));
        await WaitForStatusAsync(api, created.Str("id"), "expired");

        // The open page turns by itself; a fresh load (in Chinese) shows the same final view.
        browser.WaitUntil(d => d.FindElement(By.TagName("body")).GetAttribute("data-status") == "expired", TimeSpan.FromSeconds(15), "the expired view");
        Assert.True(browser.Driver.FindElement(By.Id("final-expired")).Displayed);
        Assert.Equal("This payment has expired", browser.Driver.FindElement(By.CssSelector("#final-expired .final")).Text);
        browser.Screenshot("native-expired");

        using var zh = new HeadlessChromium(acceptLanguage: "zh-CN,zh;q=0.9");
        zh.Driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));
        zh.WaitUntil(d => d.FindElement(By.TagName("body")).GetAttribute("data-status") == "expired", TimeSpan.FromSeconds(5), "the expired view");
        Assert.True(zh.Driver.FindElement(By.Id("final-expired")).Displayed);
        Assert.Equal("订单已过期", zh.Driver.FindElement(By.CssSelector("#final-expired .final")).Text);
        Assert.Empty(browser.CspViolations());
        Assert.Empty(zh.CspViolations());
    }

    /// <summary>Reads the pixels the browser shows for an image (drawn on a canvas) and decodes them as a QR code.</summary>
    internal static string? DecodeQr(IWebDriver driver, string imageId)
    {
        var data = (IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript("""
            var img = document.getElementById(arguments[0]);
            var c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
            var g = c.getContext('2d'); g.drawImage(img, 0, 0);
            return [c.width, c.height].concat(Array.from(g.getImageData(0, 0, c.width, c.height).data));
            """, imageId)!;
        var values = data.Select(Convert.ToInt32).ToArray();
        var (width, height) = (values[0], values[1]);
        var rgba = values.Skip(2).Select(v => (byte)v).ToArray();
        var source = new RGBLuminanceSource(rgba, width, height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var result = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } }.Decode(source);
        return result?.Text;
    }
}
