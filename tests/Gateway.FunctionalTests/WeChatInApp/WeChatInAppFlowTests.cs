using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.WeChatInApp;

/// <summary>JSAPI (OAuth2 → pay) and mini program (login → pay) end to end in test mode, against the sandbox.</summary>
public sealed class WeChatInAppFlowTests(WeChatInAppFactory gateway) : IClassFixture<WeChatInAppFactory>
{
    private const string Jsapi = $"/p/{WeChatInAppFactory.JsapiInstance}";
    private const string Mini = $"/p/{WeChatInAppFactory.MiniInstance}";

    [Fact]
    public async Task OAuth_ThenJsapiPayment_ThenSandboxPay_Succeeds()
    {
        var browser = gateway.Browser();
        var openId = await LoginThroughOAuthAsync(browser, $"{WeChatInAppFactory.ShopOrigin}/checkout?order=7");

        var created = await CreateAsync(gateway.DemoApi(), Payment("wechat.jsapi", "jsapi-1", openId, 2500));
        Assert.Equal("jsapi", created.Str("action.type"));
        var parameters = created["action"]!["params"]!.AsObject();
        Assert.Equal(
            ["appId", "nonceStr", "package", "paySign", "signType", "timeStamp"],
            parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(WeChatInAppFactory.JsapiAppId, parameters.Str("appId"));
        Assert.Equal("MD5", parameters.Str("signType"));
        AssertPaySign(parameters, includeAppId: null);

        await PayAsync(browser, parameters.Str("package"), sendNotify: true);
        await WaitForStatusAsync(gateway.DemoApi(), created.Str("id"), "succeeded");
        gateway.AssertNothingSecretSeen();
    }

    [Fact]
    public async Task MiniProgramLogin_ThenPayment_ThenSandboxPay_Succeeds()
    {
        var browser = gateway.Browser();
        var code = await MintLoginCodeAsync(browser);

        var login = await browser.PostAsJsonAsync($"{Mini}/login", new { code });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var session = await ReadAsync(login);
        var openId = session.Str("openId");
        Assert.StartsWith("o", openId);
        Assert.True(session.Str("sessionToken").Length >= 40);
        Assert.Equal(["openId", "sessionToken"], session.Select(p => p.Key).Order(StringComparer.Ordinal));

        var reused = await browser.PostAsJsonAsync($"{Mini}/login", new { code });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        var problem = await ReadAsync(reused);
        Assert.Equal("code_used", problem.Str("code"));
        Assert.Equal("40163", problem.Str("errcode"));

        var created = await CreateAsync(gateway.DemoApi(), Payment("wechat.miniprogram", "mini-1", openId, 990));
        Assert.Equal("mini_program", created.Str("action.type"));
        var parameters = created["action"]!["params"]!.AsObject();
        Assert.Equal(["nonceStr", "package", "paySign", "signType", "timeStamp"], parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("HMAC-SHA256", parameters.Str("signType"));
        AssertPaySign(parameters, includeAppId: WeChatInAppFactory.MiniAppId);

        await PayAsync(browser, parameters.Str("package"), sendNotify: true);
        await WaitForStatusAsync(gateway.DemoApi(), created.Str("id"), "succeeded");
        gateway.AssertNothingSecretSeen();
    }

    [Fact]
    public async Task MiniProgramPayment_WithTheLoginSessionToken_PaysAsThatOpenId()
    {
        var browser = gateway.Browser();
        var session = await ReadAsync(await browser.PostAsJsonAsync($"{Mini}/login", new { code = await MintLoginCodeAsync(browser) }));
        var body = new
        {
            channel = "wechat.miniprogram",
            merchantOrderId = "mini-token-1",
            amount = 321,
            currency = "CNY",
            description = "In-app tea",
            clientIp = "203.0.113.10",
            payer = new { sessionToken = session.Str("sessionToken") },
        };

        var created = await CreateAsync(gateway.DemoApi(), body);
        var parameters = created["action"]!["params"]!.AsObject();
        AssertPaySign(parameters, includeAppId: WeChatInAppFactory.MiniAppId);
        await PayAsync(browser, parameters.Str("package"), sendNotify: true);
        await WaitForStatusAsync(gateway.DemoApi(), created.Str("id"), "succeeded");

        // The sandbox pays a JSAPI-type order as the openid it was placed for: the one behind the token.
        var order = await ReadAsync(await browser.GetAsync($"/sandbox/wechatpay/orders/{created.Str("id")}"));
        Assert.Contains(session.Str("openId"), order.ToJsonString());

        var forged = await gateway.DemoApi().PostAsJsonAsync("/v1/payments", body with { merchantOrderId = "mini-token-2", payer = new { sessionToken = "not-a-session" } });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("INVALID_SESSION_TOKEN", (await ReadAsync(forged)).Str("providerCode"));
        gateway.AssertNothingSecretSeen();
    }

    [Theory]
    [InlineData(45011, HttpStatusCode.TooManyRequests, "rate_limited")]
    [InlineData(-1, HttpStatusCode.ServiceUnavailable, "wechat_busy")]
    [InlineData(40226, HttpStatusCode.Forbidden, "user_blocked")]
    public async Task MiniProgramLogin_WeChatErrors_AreClearProblems(int errCode, HttpStatusCode status, string code)
    {
        var browser = gateway.Browser();
        var loginCode = await MintLoginCodeAsync(browser, errCode);
        var response = await browser.PostAsJsonAsync($"{Mini}/login", new { code = loginCode });
        Assert.Equal(status, response.StatusCode);
        var problem = await ReadAsync(response);
        Assert.Equal(code, problem.Str("code"));
        Assert.Equal(errCode.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Str("errcode"));

        var invalid = await browser.PostAsJsonAsync($"{Mini}/login", new { code = "not-a-code" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("invalid_code", (await ReadAsync(invalid)).Str("code"));
    }

    [Fact]
    public async Task LostNotify_PaymentIsConfirmedByTheClientsQuery()
    {
        var browser = gateway.Browser();
        var openId = await LoginThroughOAuthAsync(browser, "/after-login");
        var created = await CreateAsync(gateway.DemoApi(), Payment("wechat.jsapi", "lost-notify-1", openId, 100));

        await PayAsync(browser, created["action"]!["params"]!.Str("package"), sendNotify: false);

        // No notify will ever come: the GET of a pending payment asks WeChat (orderquery) and settles it.
        var payment = await GetAsync(gateway.DemoApi(), created.Str("id"));
        Assert.Equal("succeeded", payment.Str("status"));
        Assert.Equal("100", payment.Str("paidAmount"));
        gateway.AssertNothingSecretSeen();
    }

    [Fact]
    public async Task JsapiPayment_WithoutOpenId_Is400_AndNothingStored()
    {
        var response = await gateway.DemoApi().PostAsJsonAsync("/v1/payments", Payment("wechat.jsapi", "no-openid", null, 100));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MISSING_OPENID", (await ReadAsync(response)).Str("providerCode"));

        var list = await ReadAsync(await gateway.DemoApi().GetAsync("/v1/payments?merchantOrderId=no-openid"));
        Assert.Empty(list["data"]!.AsArray());
    }

    [Fact]
    public async Task OAuthCallback_WithBadOrReusedState_IsRefused()
    {
        var browser = gateway.Browser();
        var forged = await browser.GetAsync($"{Jsapi}/oauth/callback?code=abc&state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("invalid_state", (await ReadAsync(forged)).Str("code"));

        var authorize = (await browser.GetAsync($"{Jsapi}/oauth/start?returnUrl=%2Fback")).Headers.Location!;
        var callback = (await browser.GetAsync(authorize.GetLeftPart(UriPartial.Query))).Headers.Location!;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(callback)).StatusCode);
        var replayed = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal("invalid_state", (await ReadAsync(replayed)).Str("code"));
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task OAuthStart_RefusesOpenRedirects(string returnUrl)
    {
        var response = await gateway.Browser().GetAsync($"{Jsapi}/oauth/start?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_return_url", (await ReadAsync(response)).Str("code"));
    }

    [Fact]
    public async Task FiftyConcurrentWxConfig_WithExpiredTicket_RefreshOnce()
    {
        var browser = gateway.Browser();
        const string page = "https://shop.example/pay?x=1";
        var warm = await browser.GetAsync($"{Jsapi}/jssdk/config?url={Uri.EscapeDataString(page + "#top")}");
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        var config = await ReadAsync(warm);
        Assert.Equal(WeChatInAppFactory.JsapiAppId, config.Str("appId"));
        Assert.Matches("^[0-9a-f]{40}$", config.Str("signature"));
        Assert.Equal(["appId", "nonceStr", "signature", "timestamp"], config.Select(p => p.Key).Order(StringComparer.Ordinal));

        // Let the base access_token and the ticket expire, at the sandbox and in the gateway's cache.
        await Task.Delay(WeChatInAppFactory.TokenLifetime + TimeSpan.FromMilliseconds(500));
        var before = await StatsAsync(browser);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => browser.GetAsync($"{Jsapi}/jssdk/config?url={Uri.EscapeDataString($"{page}&n={i}")}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var after = await StatsAsync(browser);
        Assert.Equal(1, Count(after, "cgi-bin/token") - Count(before, "cgi-bin/token"));
        Assert.Equal(1, Count(after, "cgi-bin/ticket/getticket") - Count(before, "cgi-bin/ticket/getticket"));
        gateway.AssertNothingSecretSeen();
    }

    /// <summary>start → (sandbox authorize) → callback → return URL with the signed hand-off, verified as the shop's server would.</summary>
    internal static async Task<string> LoginThroughOAuthAsync(HttpClient browser, string returnUrl)
    {
        var start = await browser.GetAsync($"{Jsapi}/oauth/start?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.EndsWith("#wechat_redirect", authorize.OriginalString);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(WeChatInAppFactory.JsapiAppId, query["appid"].ToString());
        Assert.Equal("snsapi_base", query["scope"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.EndsWith($"{Jsapi}/oauth/callback", query["redirect_uri"].ToString());
        Assert.Matches("^[A-Za-z0-9]{32}$", query["state"].ToString());

        var consent = await browser.GetAsync(authorize.GetLeftPart(UriPartial.Query));
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var callback = await browser.GetAsync(consent.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);

        var back = callback.Headers.Location!.OriginalString;
        Assert.StartsWith(returnUrl.Contains('?') ? returnUrl + "&openid=" : returnUrl + "?openid=", back);
        var handOff = QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), back).Query);
        var openId = handOff["openid"].ToString();
        var expires = long.Parse(handOff["expires"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(VerifyHandOff(openId, handOff["expires"].ToString(), handOff["signature"].ToString(), WeChatInAppFactory.HandOffSecret));
        Assert.InRange(expires - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60, 600);
        Assert.False(VerifyHandOff(openId + "x", handOff["expires"].ToString(), handOff["signature"].ToString(), WeChatInAppFactory.HandOffSecret));
        Assert.False(VerifyHandOff(openId, (expires + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), handOff["signature"].ToString(), WeChatInAppFactory.HandOffSecret));
        return openId;
    }

    /// <summary>The README's verification: HMAC-SHA256(secret, openid + "." + expires) in lower-case hex, constant-time compare.</summary>
    private static bool VerifyHandOff(string openId, string expires, string signature, string secret)
    {
        var expected = System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(openId + "." + expires));
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected)), System.Text.Encoding.ASCII.GetBytes(signature));
    }

    private static object Payment(string channel, string merchantOrderId, string? openId, long amount) => new
    {
        channel,
        merchantOrderId,
        amount,
        currency = "CNY",
        description = "In-app tea",
        clientIp = "203.0.113.10",
        payer = new { openId },
    };

    private static async Task<string> MintLoginCodeAsync(HttpClient browser, int? errCode = null)
    {
        var minted = await browser.PostAsJsonAsync("/sandbox/wechat/miniprogram/code", new { appId = WeChatInAppFactory.MiniAppId, errCode });
        Assert.Equal(HttpStatusCode.OK, minted.StatusCode);
        return (await ReadAsync(minted)).Str("code");
    }

    private static async Task PayAsync(HttpClient browser, string package, bool sendNotify)
    {
        var pay = await browser.PostAsJsonAsync("/sandbox/wechatpay/pay", new { prepayId = package["prepay_id=".Length..], sendNotify });
        Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
    }

    /// <summary>paySign checked by the test's own MD5/HMAC over appId, nonceStr, package, signType, timeStamp.</summary>
    private static void AssertPaySign(JsonObject parameters, string? includeAppId)
    {
        var fields = new Dictionary<string, string>
        {
            ["appId"] = includeAppId ?? parameters.Str("appId"),
            ["nonceStr"] = parameters.Str("nonceStr"),
            ["package"] = parameters.Str("package"),
            ["signType"] = parameters.Str("signType"),
            ["timeStamp"] = parameters.Str("timeStamp"),
        };
        var expected = fields["signType"] == "MD5"
            ? IndependentWeChatSigner.Md5(fields, WeChatInAppFactory.ApiKey)
            : IndependentWeChatSigner.HmacSha256(fields, WeChatInAppFactory.ApiKey);
        Assert.Equal(expected, parameters.Str("paySign"));
    }

    private static async Task<JsonObject> StatsAsync(HttpClient browser) => await ReadAsync(await browser.GetAsync("/sandbox/wechat/stats"));

    private static int Count(JsonObject stats, string endpoint)
        => stats[endpoint]?[WeChatInAppFactory.JsapiAppId]?.GetValue<int>() ?? 0;
}
