using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests.WeChatInApp;

/// <summary>
/// The gateway in test mode with its demo in-app instances (<c>wx-jsapi-sandbox</c>, <c>wx-mini-sandbox</c>),
/// pointed at this server's port, with secrets generated per run that the tests know (so they can scan every
/// page for them) and base tokens that live 4 seconds (so expiry and single flight can be exercised).
/// </summary>
public sealed class WeChatInAppFactory : GatewayFactory
{
    public const string JsapiInstance = "wx-jsapi-sandbox";
    public const string MiniInstance = "wx-mini-sandbox";
    public const string JsapiAppId = "wxd930ea5d5a258f4f";
    public const string MiniAppId = "wxd678efh567hg6787";
    public const string ShopOrigin = "https://shop.example";

    /// <summary>The secret the shop shares with the JSAPI instance to verify the OAuth hand-off.</summary>
    public const string HandOffSecret = "handoff-secret-shared-with-the-shop-0001";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(4);

    private static readonly string JsapiSecret = RandomHex();
    private static readonly string MiniSecret = RandomHex();
    private static readonly string MerchantKey = RandomHex();

    public WeChatInAppFactory()
        : base(ExtraSettings)
    {
    }

    /// <summary>Everything that must never appear in a response or page.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        JsapiSecret, MiniSecret, MerchantKey, HandOffSecret,
        // Sandbox-issued base/web access tokens, refresh tokens and session keys carry these prefixes.
        "sbx_at_", "sbx_wat_", "sbx_rt_", "sbx_sk_",
    ];

    public static string ApiKey => MerchantKey;

    /// <summary>Every response body and header seen through <see cref="Browser"/>/<see cref="DemoApi"/>.</summary>
    public ConcurrentQueue<string> Seen { get; } = new();

    /// <summary>A browser that does not follow redirects (tests follow them by hand).</summary>
    public HttpClient Browser() => new(new RecordingHandler(Seen) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false } })
    {
        BaseAddress = new Uri(BaseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The demo client's API (test-mode key).</summary>
    public HttpClient DemoApi()
    {
        var client = Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_demo_shop");
        return client;
    }

    public void AssertNothingSecretSeen()
    {
        Assert.NotEmpty(Seen);
        foreach (var text in Seen)
        {
            foreach (var secret in Secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A response contains '{secret[..Math.Min(8, secret.Length)]}…': {text}");
            }
        }
    }

    private static Dictionary<string, string?> ExtraSettings(int port)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var settings = new Dictionary<string, string?>
        {
            [$"Sandbox:WeChatPay:Merchants:{Gateway.TestMode.TestModeProfile.JsapiSandboxMerchant}:ApiKey"] = MerchantKey,
            [$"Sandbox:WeChatPay:Merchants:{Gateway.TestMode.TestModeProfile.MiniProgramSandboxMerchant}:ApiKey"] = MerchantKey,
            ["Sandbox:WeChat:Apps:0:AppSecret"] = JsapiSecret,
            ["Sandbox:WeChat:Apps:1:AppSecret"] = MiniSecret,
            ["Sandbox:WeChat:AccessTokenLifetime"] = TokenLifetime.ToString(),
            ["Sandbox:WeChat:JsapiTicketLifetime"] = TokenLifetime.ToString(),
            [$"Gateway:Providers:{JsapiInstance}:Settings:AppSecret"] = JsapiSecret,
            [$"Gateway:Providers:{JsapiInstance}:Settings:OAuthAuthorizeUrl"] = $"{baseUrl}/sandbox/wechat/connect/oauth2/authorize",
            [$"Gateway:Providers:{JsapiInstance}:Settings:AllowedReturnOrigins:0"] = baseUrl,
            [$"Gateway:Providers:{JsapiInstance}:Settings:AllowedReturnOrigins:1"] = ShopOrigin,
            [$"Gateway:Providers:{JsapiInstance}:Settings:HandOffSecret"] = HandOffSecret,
            [$"Gateway:Providers:{MiniInstance}:Settings:AppSecret"] = MiniSecret,
        };
        foreach (var instance in new[] { JsapiInstance, MiniInstance })
        {
            settings[$"Gateway:Providers:{instance}:Settings:ApiKey"] = MerchantKey;
            settings[$"Gateway:Providers:{instance}:Settings:BaseUrl"] = $"{baseUrl}/sandbox/wechatpay";
            settings[$"Gateway:Providers:{instance}:Settings:ApiBaseUrl"] = $"{baseUrl}/sandbox/wechat";
        }

        return settings;
    }

    private static string RandomHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private sealed class RecordingHandler(ConcurrentQueue<string> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            seen.Enqueue($"{request.RequestUri} -> {(int)response.StatusCode} {response.Headers} {body}");
            return response;
        }
    }
}
