using System.Security.Cryptography;
using Gateway.Security;

namespace Gateway.TestMode;

/// <summary>
/// Test mode (opt-in, see <see cref="TestModeSwitch"/>): the sandbox plays the providers, and a demo client, routes and provider
/// instances pointing at it are added UNDER the application's own configuration (anything configured
/// wins). The sandbox merchants' API key and PaysAPI tokens are generated at start-up, so no provider key is ever in the
/// repository; the demo client key only works in test mode. Test mode keeps its own database file, and the
/// demo client's webhook secret is generated too (webhooks are always signed).
/// </summary>
internal static class TestModeProfile
{
    /// <summary>The documented API key of the demo client in test mode.</summary>
    public const string DemoApiKey = "sk_test_demo_shop";

    /// <summary>The documented admin key in test mode (<c>/admin/*</c>); never accepted on <c>/v1</c>.</summary>
    public const string DemoAdminKey = "sk_test_admin";

    public const string DemoClientId = "demo-shop";
    public const string WeChatAppId = "wx2421b1c4370ec43b";
    public const string WeChatMchId = "1900000109";

    // Each WeChat instance has a merchant of its own in the sandbox, as each would on WeChat: a merchant's bill lists
    // all its trades, so instances sharing one would each see the others' trades as missing from the ledger. Their
    // sandbox merchants are numbered from 10, clear of the few a configuration adds.
    public const string JsapiMchId = "1900000110";
    public const string MiniProgramMchId = "1900000111";
    public const int JsapiSandboxMerchant = 10;
    public const int MiniProgramSandboxMerchant = 11;
    public const string PaysApiFormUid = "5f1a2b3c4d5e6f7a8b9c0d1e";
    public const string PaysApiJsonUid = "6a7b8c9d0e1f2a3b4c5d6e7f";
    public const string JsapiAppId = "wxd930ea5d5a258f4f";
    public const string MiniProgramAppId = "wxd678efh567hg6787";

    /// <summary>Inserts the profile as the lowest-priority configuration source.</summary>
    public static void Apply(IConfigurationBuilder builder, IConfiguration current)
    {
        var baseUrl = (current["Gateway:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
        var wechatKey = RandomKey();
        var jsapiKey = RandomKey();
        var miniProgramKey = RandomKey();
        var paysApiFormToken = RandomKey();
        var paysApiJsonToken = RandomKey();
        var jsapiSecret = RandomKey();
        var miniProgramSecret = RandomKey();
        var profile = new Dictionary<string, string?>
        {
            ["Gateway:PublicBaseUrl"] = baseUrl,
            ["Gateway:Store:ConnectionString"] = "Data Source=gateway-test.db",
            // Webhooks may reach loopback in test mode, so a receiver on this machine works.
            ["Gateway:OutboundUrls:AllowLoopback"] = "true",
            [$"Gateway:Clients:{DemoClientId}:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(DemoApiKey),
            [$"Gateway:Clients:{DemoClientId}:DisplayName"] = "Demo Shop",
            [$"Gateway:Clients:{DemoClientId}:WebhookSecrets:0"] = "whsec_test_" + RandomKey(),
            ["Gateway:Admin:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(DemoAdminKey),
            ["Gateway:Checkout:TokenKey"] = RandomKey(),

            ["Gateway:Routes:wechat-native:Channel"] = "wechat.native",
            ["Gateway:Routes:wechat-native:Instances:0"] = "wx-sandbox",

            ["Gateway:Providers:wx-sandbox:Plugin"] = "WeChatNative",
            ["Gateway:Providers:wx-sandbox:Settings:AppId"] = WeChatAppId,
            ["Gateway:Providers:wx-sandbox:Settings:MchId"] = WeChatMchId,
            ["Gateway:Providers:wx-sandbox:Settings:ApiKey"] = wechatKey,
            ["Gateway:Providers:wx-sandbox:Settings:SignType"] = "MD5",
            ["Gateway:Providers:wx-sandbox:Settings:BaseUrl"] = $"{baseUrl}/sandbox/wechatpay",

            ["Sandbox:WeChatPay:Merchants:0:MchId"] = WeChatMchId,
            ["Sandbox:WeChatPay:Merchants:0:ApiKey"] = wechatKey,
            ["Sandbox:WeChatPay:Merchants:0:AppIds:0"] = WeChatAppId,
            // Native mode 1: product-code scans reach wx-sandbox's callback, as the merchant platform setting would.
            ["Sandbox:WeChatPay:Merchants:0:ScanCallbackUrl"] = $"{baseUrl}/p/wx-sandbox/native/scan-callback",

            // PaysAPI: one sandbox account per start mode, so both are there to try. paysapi.alipay (istype 1)
            // goes to the form-post account (the API answers form_post; send the browser to
            // /p/paysapi-form/pay/{id}); paysapi.wechat (istype 2) goes to the JSON-mode account (the API
            // answers qr_code). Either account serves either channel: swap the routes to try the other pairs.
            ["Gateway:Routes:paysapi-alipay:Channel"] = "paysapi.alipay",
            ["Gateway:Routes:paysapi-alipay:Instances:0"] = "paysapi-form",
            ["Gateway:Routes:paysapi-wechat:Channel"] = "paysapi.wechat",
            ["Gateway:Routes:paysapi-wechat:Instances:0"] = "paysapi-json",

            ["Gateway:Providers:paysapi-form:Plugin"] = "PaysApi",
            ["Gateway:Providers:paysapi-form:Settings:Uid"] = PaysApiFormUid,
            ["Gateway:Providers:paysapi-form:Settings:Token"] = paysApiFormToken,
            ["Gateway:Providers:paysapi-form:Settings:StartMode"] = "FormPost",
            ["Gateway:Providers:paysapi-form:Settings:BaseUrl"] = $"{baseUrl}/sandbox/paysapi/",
            ["Gateway:Providers:paysapi-json:Plugin"] = "PaysApi",
            ["Gateway:Providers:paysapi-json:Settings:Uid"] = PaysApiJsonUid,
            ["Gateway:Providers:paysapi-json:Settings:Token"] = paysApiJsonToken,
            ["Gateway:Providers:paysapi-json:Settings:StartMode"] = "Json",
            ["Gateway:Providers:paysapi-json:Settings:BaseUrl"] = $"{baseUrl}/sandbox/paysapi/",

            ["Sandbox:PaysApi:Merchants:0:Uid"] = PaysApiFormUid,
            ["Sandbox:PaysApi:Merchants:0:Token"] = paysApiFormToken,
            ["Sandbox:PaysApi:Merchants:1:Uid"] = PaysApiJsonUid,
            ["Sandbox:PaysApi:Merchants:1:Token"] = paysApiJsonToken,
            [$"Sandbox:WeChatPay:Merchants:{JsapiSandboxMerchant}:MchId"] = JsapiMchId,
            [$"Sandbox:WeChatPay:Merchants:{JsapiSandboxMerchant}:ApiKey"] = jsapiKey,
            [$"Sandbox:WeChatPay:Merchants:{JsapiSandboxMerchant}:AppIds:0"] = JsapiAppId,
            [$"Sandbox:WeChatPay:Merchants:{MiniProgramSandboxMerchant}:MchId"] = MiniProgramMchId,
            [$"Sandbox:WeChatPay:Merchants:{MiniProgramSandboxMerchant}:ApiKey"] = miniProgramKey,
            [$"Sandbox:WeChatPay:Merchants:{MiniProgramSandboxMerchant}:AppIds:0"] = MiniProgramAppId,

            // In-app channels: an official account (JSAPI pages, OAuth2, wx.config) and a mini program, both
            // paying into the sandbox merchant, with app secrets generated now and known only to the sandbox.
            ["Gateway:Routes:wechat-jsapi:Channel"] = "wechat.jsapi",
            ["Gateway:Routes:wechat-jsapi:Clients:0"] = DemoClientId,
            ["Gateway:Routes:wechat-jsapi:Instances:0"] = "wx-jsapi-sandbox",
            ["Gateway:Routes:wechat-miniprogram:Channel"] = "wechat.miniprogram",
            ["Gateway:Routes:wechat-miniprogram:Clients:0"] = DemoClientId,
            ["Gateway:Routes:wechat-miniprogram:Instances:0"] = "wx-mini-sandbox",

            ["Gateway:Providers:wx-jsapi-sandbox:Plugin"] = "WeChatJsapi",
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:AppId"] = JsapiAppId,
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:AppSecret"] = jsapiSecret,
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:MchId"] = JsapiMchId,
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:ApiKey"] = jsapiKey,
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:SignType"] = "MD5",
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:BaseUrl"] = $"{baseUrl}/sandbox/wechatpay",
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:ApiBaseUrl"] = $"{baseUrl}/sandbox/wechat",
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:OAuthAuthorizeUrl"] = $"{baseUrl}/sandbox/wechat/connect/oauth2/authorize",
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:AllowedReturnOrigins:0"] = baseUrl,
            ["Gateway:Providers:wx-jsapi-sandbox:Settings:HandOffSecret"] = RandomKey(),

            ["Gateway:Providers:wx-mini-sandbox:Plugin"] = "MiniProgram",
            ["Gateway:Providers:wx-mini-sandbox:Settings:AppId"] = MiniProgramAppId,
            ["Gateway:Providers:wx-mini-sandbox:Settings:AppSecret"] = miniProgramSecret,
            ["Gateway:Providers:wx-mini-sandbox:Settings:MchId"] = MiniProgramMchId,
            ["Gateway:Providers:wx-mini-sandbox:Settings:ApiKey"] = miniProgramKey,
            ["Gateway:Providers:wx-mini-sandbox:Settings:SignType"] = "HMAC-SHA256",
            ["Gateway:Providers:wx-mini-sandbox:Settings:BaseUrl"] = $"{baseUrl}/sandbox/wechatpay",
            ["Gateway:Providers:wx-mini-sandbox:Settings:ApiBaseUrl"] = $"{baseUrl}/sandbox/wechat",

            ["Sandbox:WeChat:Apps:0:AppId"] = JsapiAppId,
            ["Sandbox:WeChat:Apps:0:AppSecret"] = jsapiSecret,
            ["Sandbox:WeChat:Apps:1:AppId"] = MiniProgramAppId,
            ["Sandbox:WeChat:Apps:1:AppSecret"] = miniProgramSecret,
            // The official account's web authorization domain: OAuth2 returns only to the gateway's own host.
            ["Sandbox:WeChat:Apps:0:OAuthDomain"] = new Uri(baseUrl).Host,
        };

        TestModeV3Profile.AddTo(profile, baseUrl, JsapiAppId, MiniProgramAppId);
        TestModeCertificates.Add(profile, current, baseUrl);
        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = profile });
    }

    // 32 hex characters: the length of a real v2 API key and of an app secret.
    private static string RandomKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
