using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Checkout;

/// <summary>
/// <c>"channel": "any"</c> in a real headless Chromium: a desktop lists the channels routed for the client, the
/// choice places the order, and a switch closes the first order at its provider before placing the next, so
/// the first one can no longer be paid; the chosen channel is paid in the sandbox and the payment succeeds.
/// </summary>
public sealed class CheckoutAggregatedBrowserTests
{
    [Fact]
    public async Task Desktop_ListsTheRoutedChannels_SwitchClosesTheFirstOrder_AndTheSecondIsPaid()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Clients:client-a:DisplayName"] = "Tea House" });
        var api = gateway.ApiClient();
        var returnUrl = $"{gateway.BaseUrl}/health/live?back=any";
        var created = await CreateAsync(api, new
        {
            channel = "any", merchantOrderId = "checkout-any-1", amount = 1500, currency = "CNY",
            description = "Tie Guan Yin", clientIp = "203.0.113.10", returnUrl,
        });
        Assert.Equal("any", created.Str("channel"));
        Assert.Equal("", created.Str("provider"));
        Assert.Equal("checkout", created.Str("action.type"));
        var id = created.Str("id");

        using var browser = new HeadlessChromium(mobile: false);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));
        var choices = driver.FindElements(By.CssSelector("#choices button")).Select(b => b.GetAttribute("id")).ToList();
        Assert.Equal(["choose-wechat-native", "choose-paysapi-wechat", "choose-paysapi-alipay"], choices);
        Assert.Empty(driver.FindElements(By.Id("qr")));
        browser.Screenshot("any-choices");

        // The payer picks WeChat's QR: only now is an instance chosen and an order placed.
        driver.FindElement(By.Id("choose-wechat-native")).Click();
        browser.WaitUntil(d => d.FindElements(By.Id("qr")).Count > 0, TimeSpan.FromSeconds(15), "the WeChat QR");
        var native = await GetAsync(api, id);
        Assert.Equal("wechat.native", native.Str("channel"));
        Assert.Equal("wx-a", native.Str("provider"));
        var nativeCode = native.Str("action.codeUrl");
        Assert.Equal(nativeCode, CheckoutBrowserTests.DecodeQr(driver, "qr"));

        // Then switches to the PaysAPI QR: the WeChat order is closed first, so its QR can no longer be paid.
        driver.FindElement(By.Id("choose-paysapi-wechat")).Click();
        browser.WaitUntil(d => d.FindElements(By.Id("choose-wechat-native")).Count > 0 && d.FindElements(By.Id("choose-paysapi-wechat")).Count == 0,
            TimeSpan.FromSeconds(15), "the PaysAPI QR");
        var paysApi = await GetAsync(api, id);
        Assert.Equal("paysapi.wechat", paysApi.Str("channel"));
        Assert.Equal("pa-json", paysApi.Str("provider"));
        using var phone = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };
        var order = await ReadAsync(await phone.GetAsync($"/sandbox/wechatpay/orders/{id}"));
        Assert.Equal("CLOSED", order.Str("tradeState"));
        Assert.False((await ScanAsync(phone, nativeCode)).IsSuccessStatusCode);
        browser.Screenshot("any-switched");

        var paid = await phone.PostAsJsonAsync("/sandbox/paysapi/pay", new { uid = GatewayFactory.PaysApiJsonUid, orderid = id });
        paid.EnsureSuccessStatusCode();
        browser.WaitUntil(d => d.FindElement(By.TagName("body")).GetAttribute("data-status") == "succeeded", TimeSpan.FromSeconds(15), "the success view");
        Assert.Empty(browser.CspViolations());
        browser.WaitUntil(d => d.Url == returnUrl, TimeSpan.FromSeconds(10), "the redirect to returnUrl");
        var done = await GetAsync(api, id);
        Assert.Equal("succeeded", done.Str("status"));
        Assert.Equal("checkout-any-1", done.Str("merchantOrderId"));
        Assert.Equal("1500", done.Str("paidAmount"));
    }

    [Fact]
    public async Task InsideAlipay_TheAlipayChannelIsTakenForThePayer()
    {
        using var gateway = GatewayFactory.With(null);
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, new
        {
            channel = "any", merchantOrderId = "checkout-any-alipay", amount = 300, currency = "CNY", description = "Tea", clientIp = "203.0.113.10",
        });

        using var browser = new HeadlessChromium("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Mobile Safari/537.36 AlipayClient/10.5.86");
        browser.Driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));

        // The choice posts itself, and the PaysAPI form then posts itself: the browser lands on PaysAPI's pay page.
        browser.WaitUntil(d => d.FindElements(By.Id("orderid")).Count > 0, TimeSpan.FromSeconds(20), "PaysAPI's pay page");
        Assert.Equal(created.Str("id"), browser.Driver.FindElement(By.Id("orderid")).Text);
        var chosen = await GetAsync(api, created.Str("id"));
        Assert.Equal("paysapi.alipay", chosen.Str("channel"));
        Assert.Equal("pa-form", chosen.Str("provider"));
    }

    [Fact]
    public async Task NothingChosen_TheUnchosenPaymentExpiresAndClosesLocally()
    {
        var clock = new ShiftedTimeProvider();
        using var gateway = GatewayFactory.With(null, services => services.AddSingleton<TimeProvider>(clock));
        var api = gateway.ApiClient();
        var expiring = await CreateAsync(api, new
        {
            channel = "any", merchantOrderId = "checkout-any-expiring", amount = 100, currency = "CNY", description = "Tea", clientIp = "203.0.113.10", expiresIn = 120,
        });
        var closing = await CreateAsync(api, new
        {
            channel = "any", merchantOrderId = "checkout-any-closing", amount = 100, currency = "CNY", description = "Tea", clientIp = "203.0.113.10",
        });

        var closed = await api.PostAsync($"/v1/payments/{closing.Str("id")}/close", null);
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        Assert.Equal("closed", (await ReadAsync(closed)).Str("status"));
        clock.Advance(TimeSpan.FromMinutes(3));
        await WaitForStatusAsync(api, expiring.Str("id"), "expired", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task ASwitchAfterTheFirstOrderWasPaid_SettlesThatPayment_AndPlacesNothingNew()
    {
        using var gateway = GatewayFactory.With(null);
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, new
        {
            channel = "any", merchantOrderId = "checkout-any-paid-first", amount = 700, currency = "CNY", description = "Tea", clientIp = "203.0.113.10",
        });
        var id = created.Str("id");

        using var browser = new HeadlessChromium(mobile: false);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(created.Str("action.checkoutUrl"));
        driver.FindElement(By.Id("choose-wechat-native")).Click();
        browser.WaitUntil(d => d.FindElements(By.Id("qr")).Count > 0, TimeSpan.FromSeconds(15), "the WeChat QR");

        // The payer pays the WeChat order, and its notify is slow: the gateway does not know yet.
        using var phone = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };
        var codeUrl = (await GetAsync(api, id)).Str("action.codeUrl");
        (await phone.PostAsJsonAsync("/sandbox/wechatpay/scan", new { codeUrl, suppressNotify = true })).EnsureSuccessStatusCode();

        // Switching now: WeChat refuses the close (ORDERPAID), so the payment settles as paid and no PaysAPI order exists.
        driver.FindElement(By.Id("choose-paysapi-wechat")).Click();
        browser.WaitUntil(d => d.FindElement(By.TagName("body")).GetAttribute("data-status") == "succeeded", TimeSpan.FromSeconds(15), "the success view");
        var paid = await GetAsync(api, id);
        Assert.Equal("succeeded", paid.Str("status"));
        Assert.Equal("wechat.native", paid.Str("channel"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await phone.GetAsync($"/sandbox/paysapi/orders/{id}")).StatusCode);
    }
}
