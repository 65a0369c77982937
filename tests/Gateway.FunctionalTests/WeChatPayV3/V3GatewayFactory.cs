using System.Net.Http.Headers;
using System.Security.Cryptography;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Security;
using Microsoft.Extensions.DependencyInjection;

using Gateway.TestMode;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// The gateway in test mode with its demo APIv3 instances (<c>wx3-sandbox</c>, <c>wx3-mini-sandbox</c>, public-key
/// mode), whose generated keys are replaced by keys this test knows (so it can check paySign and forge notifies);
/// plus a client <c>client-v3</c> with a weighted native route across the demo's v2 and v3 native instances,
/// and an H5 route to <c>wx3-cert</c>, a second merchant whose instance verifies in certificate mode.
/// </summary>
public sealed class V3GatewayFactory : GatewayFactory
{
    public const string DemoKey = "sk_test_demo_shop_v3";
    public const string ClientV3Key = "sk_test_client_v3";
    public const string MchId = Gateway.TestMode.TestModeV3Profile.MchId;
    public const string JsapiAppId = "wxd930ea5d5a258f4f";
    public const string MiniAppId = "wxd678efh567hg6787";
    public const string PublicKeyId = "PUB_KEY_ID_0119000001092026000000000000000001";
    public const string MerchantSerialNo = "3775B6A45ACD588826D15E583A95F5DD7C0B3A6B";
    public const string CertMchId = "1900000003";
    public const string CertAppId = "wxcccccccccccccccc";

    public V3GatewayFactory()
        : base(ExtraSettings)
    {
    }

    /// <summary>With <paramref name="more"/> set over the v3 settings (internal: a class fixture has one public constructor).</summary>
    internal V3GatewayFactory(IReadOnlyDictionary<string, string?> more)
        : base(port => ExtraSettings(port).Concat(more).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value))
    {
    }

    /// <summary>The same gateway with test services (e.g. a handler on the plugins' HTTP clients), for a test that needs its own.</summary>
    internal V3GatewayFactory(Action<IServiceCollection> testServices)
        : base(ExtraSettings, testServices)
    {
    }

    public static RSA MerchantKey { get; } = RSA.Create(2048);

    public static RSA PlatformKey { get; } = RSA.Create(2048);

    public static string ApiV3Key { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The demo client <c>demo-shop-v3</c>.</summary>
    public HttpClient DemoApi() => ApiClient(DemoKey);

    /// <summary>A client that follows no redirects and sends no key.</summary>
    public HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    private static Dictionary<string, string?> ExtraSettings(int port)
    {
        var merchantPrivate = MerchantKey.ExportPkcs8PrivateKeyPem();
        var merchantPublic = MerchantKey.ExportSubjectPublicKeyInfoPem();
        var settings = new Dictionary<string, string?>
        {
            ["Sandbox:WeChatPay:V3PlatformPrivateKey"] = PlatformKey.ExportPkcs8PrivateKeyPem(),

            ["Gateway:Clients:client-v3:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(ClientV3Key),
            ["Gateway:Routes:v3-weighted:Channel"] = "wechat.native",
            ["Gateway:Routes:v3-weighted:Clients:0"] = "client-v3",
            ["Gateway:Routes:v3-weighted:Order"] = "-2",
            ["Gateway:Routes:v3-weighted:Policy"] = "Weighted",
            ["Gateway:Routes:v3-weighted:Instances:0"] = "wx-sandbox",
            ["Gateway:Routes:v3-weighted:Instances:1"] = "wx3-sandbox",
            ["Gateway:Routes:v3-cert:Channel"] = "wechat.h5",
            ["Gateway:Routes:v3-cert:Clients:0"] = "client-v3",
            ["Gateway:Routes:v3-cert:Order"] = "-2",
            ["Gateway:Routes:v3-cert:Instances:0"] = "wx3-cert",

            // A second merchant on APIv3 only in certificate mode: its instance downloads /v3/certificates.
            ["Sandbox:WeChatPay:Merchants:3:MchId"] = CertMchId,
            ["Sandbox:WeChatPay:Merchants:3:ApiKey"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["Sandbox:WeChatPay:Merchants:3:AppIds:0"] = CertAppId,
            ["Sandbox:WeChatPay:Merchants:3:ApiV3Key"] = ApiV3Key,
            ["Sandbox:WeChatPay:Merchants:3:MerchantSerialNo"] = MerchantSerialNo,
            ["Sandbox:WeChatPay:Merchants:3:MerchantPublicKey"] = merchantPublic,
            ["Sandbox:WeChatPay:Merchants:3:V3SignatureMode"] = "Certificate",
            ["Gateway:Providers:wx3-cert:Plugin"] = "WeChatPayV3",
            ["Gateway:Providers:wx3-cert:Settings:AppId"] = CertAppId,
            ["Gateway:Providers:wx3-cert:Settings:MchId"] = CertMchId,
            ["Gateway:Providers:wx3-cert:Settings:MerchantSerialNo"] = MerchantSerialNo,
            ["Gateway:Providers:wx3-cert:Settings:MerchantPrivateKey"] = merchantPrivate,
            ["Gateway:Providers:wx3-cert:Settings:ApiV3Key"] = ApiV3Key,
            ["Gateway:Providers:wx3-cert:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/sandbox/wechatpay",
        };
        foreach (var (instance, merchant) in new[] { ("wx3-sandbox", TestModeV3Profile.SandboxMerchant), ("wx3-mini-sandbox", TestModeV3Profile.MiniProgramSandboxMerchant) })
        {
            settings[$"Sandbox:WeChatPay:Merchants:{merchant}:ApiV3Key"] = ApiV3Key;
            settings[$"Sandbox:WeChatPay:Merchants:{merchant}:MerchantPublicKey"] = merchantPublic;
            settings[$"Gateway:Providers:{instance}:Settings:MerchantPrivateKey"] = merchantPrivate;
            settings[$"Gateway:Providers:{instance}:Settings:ApiV3Key"] = ApiV3Key;
            settings[$"Gateway:Providers:{instance}:Settings:PublicKey"] = PlatformKey.ExportSubjectPublicKeyInfoPem();
        }

        return settings;
    }
}
