using Gateway.Plugins.WeChatJsapi.OAuth;
using Gateway.WeChatPay.OpenApi.Models;

namespace Gateway.Plugins.WeChatJsapi.Tests;

public sealed class OAuthTests
{
    private static OAuthAccessTokenResponse Exchanged() => new()
    {
        AccessToken = "WAT-first", ExpiresIn = 7200, RefreshToken = "RT-1", OpenId = "o-user", Scope = "snsapi_base",
    };

    [Fact]
    public async Task WebAccessToken_IsServedUntilExpiry_ThenRefreshedWithTheRefreshToken()
    {
        var harness = new JsapiHarness();
        await harness.WebAuth.StoreAsync(Exchanged(), default);
        Assert.Equal("WAT-first", await harness.WebAuth.GetAccessTokenAsync("o-user", default));
        Assert.Equal(0, harness.Open.CallsTo("/sns/oauth2/refresh_token"));

        harness.Time.Advance(TimeSpan.FromSeconds(7200));
        var refreshed = await harness.WebAuth.GetAccessTokenAsync("o-user", default);

        Assert.StartsWith("WAT", refreshed);
        Assert.NotEqual("WAT-first", refreshed);
        var call = Assert.Single(harness.Open.Requests, r => r.Path == "/sns/oauth2/refresh_token");
        Assert.Equal("RT-1", call.Query["refresh_token"]);
        Assert.Equal("refresh_token", call.Query["grant_type"]);
        Assert.Equal(refreshed, await harness.WebAuth.GetAccessTokenAsync("o-user", default));
    }

    [Fact]
    public async Task ExpiredRefreshToken_EndsTheAuthorization()
    {
        var harness = new JsapiHarness();
        await harness.WebAuth.StoreAsync(Exchanged(), default);
        harness.Open.Override = (path, _) => path == "/sns/oauth2/refresh_token" ? new { errcode = 42002, errmsg = "refresh_token expired" } : null;
        harness.Time.Advance(TimeSpan.FromHours(3));

        Assert.Null(await harness.WebAuth.GetAccessTokenAsync("o-user", default));
        Assert.Null(await harness.WebAuth.GetAccessTokenAsync("o-unknown", default));
    }

    [Theory]
    [InlineData("/checkout?o=1", true)]
    [InlineData("/", true)]
    [InlineData("https://shop.example/pay", true)]
    [InlineData("https://SHOP.example:443/pay", true)]
    [InlineData("https://shop.example.evil.com/pay", false)]
    [InlineData("http://shop.example/pay", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://user@shop.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ReturnUrls_AllowOnlyRelativePathsAndConfiguredOrigins(string? url, bool allowed)
        => Assert.Equal(allowed, new ReturnUrls(["https://shop.example"]).IsAllowed(url));
}
