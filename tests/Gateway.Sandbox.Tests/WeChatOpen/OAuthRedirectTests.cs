using System.Net;
using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.WeChatOpen;

public sealed class OAuthRedirectTests
{
    [Theory]
    [InlineData("https://evil.example.test/cb")]
    [InlineData("https://sub.shop.example.test/cb")]
    [InlineData("https://shop.example.test.evil.test/cb")]
    public async Task Authorize_RefusesRedirectOffTheConfiguredDomain(string redirectUri)
    {
        await using var host = await SandboxHost.StartAsync();

        using var response = await AuthorizeAsync(host, redirectUri, "abc123");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10003", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(129, "a")]
    [InlineData(10, "-")]
    public async Task Authorize_RefusesStateBreakingTheRule(int length, string character)
    {
        await using var host = await SandboxHost.StartAsync();

        using var response = await AuthorizeAsync(host, "https://shop.example.test/cb", string.Concat(Enumerable.Repeat(character, length)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("state", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authorize_OnTheDomain_WithA128ByteState_Redirects()
    {
        await using var host = await SandboxHost.StartAsync();
        var state = new string('Z', 128);

        using var response = await AuthorizeAsync(host, "https://SHOP.example.test:8443/cb?x=1", state);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("https://shop.example.test:8443/cb?x=1&code=", location, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("&state=" + state, location);
    }

    private static Task<HttpResponseMessage> AuthorizeAsync(SandboxHost host, string redirectUri, string state)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseUri };
        var url = "/sandbox/wechat/connect/oauth2/authorize?appid=" + SandboxHost.AppId + "&redirect_uri=" + Uri.EscapeDataString(redirectUri)
            + "&response_type=code&scope=snsapi_base&state=" + state;
        return client.GetAsync(url);
    }
}
