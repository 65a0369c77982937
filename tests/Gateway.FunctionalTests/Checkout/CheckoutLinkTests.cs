using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Checkout;

/// <summary>The checkout link: only its own signed, unexpired token opens a page, and returnUrl is checked on create.</summary>
public sealed class CheckoutLinkTests
{
    [Fact]
    public async Task CheckoutUrl_OpensItsPage_WithAStrictCsp_AndNoTokenTamperedOrForeignTokenIs404()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?> { ["Gateway:Clients:client-a:DisplayName"] = "Tea House <Hangzhou>" });
        var api = gateway.ApiClient();
        var first = await CreateAsync(api, NativePayment("link-1"));
        var second = await CreateAsync(api, NativePayment("link-2"));
        var url = new Uri(first.Str("action.checkoutUrl"));
        Assert.StartsWith($"{gateway.BaseUrl}/checkout/{first.Str("id")}?t=", url.ToString(), StringComparison.Ordinal);

        using var browser = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };
        var page = await browser.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Tea House &lt;Hangzhou&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Hangzhou>", html, StringComparison.Ordinal);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);

        var token = url.Query["?t=".Length..];
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var foreign = new Uri(second.Str("action.checkoutUrl")).Query["?t=".Length..];
        foreach (var path in new[]
        {
            url.AbsolutePath, $"{url.AbsolutePath}?t=", $"{url.AbsolutePath}?t={tampered}", $"{url.AbsolutePath}?t={foreign}",
            $"{url.AbsolutePath}/events?t={tampered}", $"{url.AbsolutePath}/status?t={foreign}", $"{url.AbsolutePath}/qr.png",
            $"/checkout/pay_unknown?t={token}",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url.PathAndQuery.Replace("?", "/qr.png?", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task CheckoutUrl_IsGoneOnceTheLinkOutlivesThePaymentByTheGracePeriod()
    {
        var clock = new ShiftedTimeProvider();
        using var gateway = GatewayFactory.With(null, services => services.AddSingleton<TimeProvider>(clock));
        var created = await CreateAsync(gateway.ApiClient(), NativePayment("link-expiry"));
        var path = new Uri(created.Str("action.checkoutUrl")).PathAndQuery;
        using var browser = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);

        // Default expiry 2 h, grace 1 h.
        clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("http://shop.example/back")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:pw@shop.example/back")]
    [InlineData("/relative")]
    public async Task ReturnUrl_ThatIsNotHttpsOrLoopbackHttpInTestMode_IsRefusedAndNothingIsCreated(string returnUrl)
    {
        using var gateway = new GatewayFactory();
        var api = gateway.ApiClient();
        var response = await api.PostAsJsonAsync("/v1/payments", new
        {
            channel = "wechat.native", merchantOrderId = "bad-return", amount = 1, currency = "CNY",
            description = "tea", clientIp = "203.0.113.10", returnUrl,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ReadAsync(response))["errors"]?["returnUrl"]);
        Assert.Empty((await ReadAsync(await api.GetAsync("/v1/payments?merchantOrderId=bad-return")))["data"]!.AsArray());
    }

    [Fact]
    public async Task ReturnUrl_HttpsIsKept_AndShownOnThePayment()
    {
        using var gateway = new GatewayFactory();
        var api = gateway.ApiClient();
        var created = await CreateAsync(api, new
        {
            channel = "wechat.native", merchantOrderId = "good-return", amount = 1, currency = "CNY",
            description = "tea", clientIp = "203.0.113.10", returnUrl = "https://shop.example/orders/1",
        });

        Assert.Equal("https://shop.example/orders/1", (await GetAsync(api, created.Str("id"))).Str("returnUrl"));
    }
}
