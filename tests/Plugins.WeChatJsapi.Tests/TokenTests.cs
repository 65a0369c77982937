using Gateway.Plugins.WeChatJsapi.JsSdk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Plugins.WeChatJsapi.Tests;

public sealed class TokenTests
{
    private const string Page = "https://shop.example/pay?x=1";

    private static async Task<JsSdkConfig> ConfigAsync(JsapiHarness harness, string url = Page)
        => Assert.IsType<JsonHttpResult<JsSdkConfig>>(await harness.JsSdk.GetAsync(url, default)).Value!;

    [Fact]
    public async Task WxConfig_SignsWithTheTicket_OverTheUrlWithoutFragment()
    {
        var harness = new JsapiHarness();
        var config = await ConfigAsync(harness, Page + "#frag");
        var ticket = await harness.Tickets.GetAsync(default);

        Assert.Equal(JsapiHarness.AppId, config.AppId);
        Assert.Equal(JsapiHarness.Now.ToUnixTimeSeconds(), config.Timestamp);
        Assert.Equal(IndependentSha1($"jsapi_ticket={ticket}&noncestr={config.NonceStr}&timestamp={config.Timestamp}&url={Page}"), config.Signature);
        Assert.Equal("client_credential", harness.Open.Requests.First(r => r.Path == "/cgi-bin/token").Query["grant_type"]);
        Assert.Equal("jsapi", harness.Open.Requests.First(r => r.Path == "/cgi-bin/ticket/getticket").Query["type"]);
    }

    [Fact]
    public async Task Tokens_AreCached_AndRefreshedAFewMinutesBeforeExpiry()
    {
        var harness = new JsapiHarness();
        await ConfigAsync(harness);
        harness.Time.Advance(TimeSpan.FromSeconds(7200 - 301));
        await ConfigAsync(harness);
        Assert.Equal(1, harness.Open.CallsTo("/cgi-bin/token"));
        Assert.Equal(1, harness.Open.CallsTo("/cgi-bin/ticket/getticket"));

        // 7200 s tokens are refreshed 300 s early: at 6901 s WeChat still honours them, but we renew.
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await ConfigAsync(harness);
        Assert.Equal(2, harness.Open.CallsTo("/cgi-bin/token"));
        Assert.Equal(2, harness.Open.CallsTo("/cgi-bin/ticket/getticket"));
    }

    [Fact]
    public async Task FiftyConcurrentWxConfigs_WithExpiredTicket_CallWeChatOnceEach()
    {
        var harness = new JsapiHarness();
        await ConfigAsync(harness);
        harness.Time.Advance(TimeSpan.FromHours(3));

        var configs = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => ConfigAsync(harness, $"{Page}&n={i}"))));

        Assert.Equal(50, configs.Length);
        Assert.Equal(2, harness.Open.CallsTo("/cgi-bin/token"));
        Assert.Equal(2, harness.Open.CallsTo("/cgi-bin/ticket/getticket"));
    }

    [Fact]
    public async Task StaleAccessToken_IsDropped_AndTheTicketCallRetriedOnce()
    {
        var harness = new JsapiHarness();
        var first = true;
        harness.Open.Override = (path, _) =>
        {
            if (path == "/cgi-bin/ticket/getticket" && first)
            {
                first = false;
                return new { errcode = 40001, errmsg = "invalid credential, access_token is invalid or not latest" };
            }

            return null;
        };

        await ConfigAsync(harness);
        Assert.Equal(2, harness.Open.CallsTo("/cgi-bin/token"));
        Assert.Equal(2, harness.Open.CallsTo("/cgi-bin/ticket/getticket"));
    }

    [Fact]
    public async Task WhenAnotherProcessHoldsTheLease_WaitsForItsToken_WithoutCallingWeChat()
    {
        var harness = new JsapiHarness();
        harness.Cache.LeaseHeldElsewhere = true;
        var waiting = harness.Tokens.GetAsync(default);
        await Task.Delay(150);
        await harness.Cache.SetAsync(harness.Tokens.CacheKey, "token-from-other-process", TimeSpan.FromHours(1), default);

        Assert.Equal("token-from-other-process", await waiting);
        Assert.Equal(0, harness.Open.CallsTo("/cgi-bin/token"));
    }

    [Fact]
    public async Task WeChatRefusal_IsAProblemWithErrcode()
    {
        var harness = new JsapiHarness();
        harness.Open.Override = (path, _) => path == "/cgi-bin/token" ? new { errcode = 40125, errmsg = "invalid appsecret" } : null;
        var problem = Assert.IsType<ProblemHttpResult>(await harness.JsSdk.GetAsync(Page, default));
        Assert.Equal(502, problem.StatusCode);
        Assert.Equal(40125, problem.ProblemDetails.Extensions["errcode"]);
        Assert.DoesNotContain("app-secret-for-tests", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeToLive_IsLifetimeMinusAtMostATenth()
    {
        var cache = new JsapiHarness().TokenCache;
        Assert.Equal(TimeSpan.FromSeconds(6900), cache.TimeToLive(TimeSpan.FromSeconds(7200)));
        Assert.Equal(TimeSpan.FromSeconds(4.5), cache.TimeToLive(TimeSpan.FromSeconds(5)));
    }

    private static string IndependentSha1(string text)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
