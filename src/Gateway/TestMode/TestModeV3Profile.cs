using System.Security.Cryptography;
using Gateway.Security;

namespace Gateway.TestMode;

/// <summary>
/// The APIv3 part of test mode: a second demo client <c>demo-shop-v3</c> whose WeChat channels (native, jsapi,
/// miniprogram, h5) go to WeChatPayV3 instances of the same sandbox merchant as <c>demo-shop</c>'s v2 instances.
/// The merchant API key pair, WeChat Pay's key pair and the APIv3 key are generated here at start-up, so nothing
/// secret is in the repository. Both instances verify in public-key mode; certificate mode is one setting away
/// (drop <c>PublicKeyId</c>/<c>PublicKey</c> and set the sandbox merchant's <c>V3SignatureMode</c> to <c>Certificate</c>).
/// </summary>
internal static class TestModeV3Profile
{
    public const string DemoApiKey = "sk_test_demo_shop_v3";
    public const string DemoClientId = "demo-shop-v3";
    public const string MerchantSerialNo = "3775B6A45ACD588826D15E583A95F5DD7C0B3A6B";
    public const string PublicKeyId = "PUB_KEY_ID_0119000001092026000000000000000001";

    public static void AddTo(Dictionary<string, string?> profile, string baseUrl, string mchId, string jsapiAppId, string miniAppId)
    {
        using var merchantKey = RSA.Create(2048);
        using var platformKey = RSA.Create(2048);
        var merchantPrivate = merchantKey.ExportPkcs8PrivateKeyPem();
        var apiV3Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

        profile[$"Gateway:Clients:{DemoClientId}:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(DemoApiKey);
        foreach (var (route, channel, instance) in new[]
        {
            ("v3-native", "wechat.native", "wx3-sandbox"),
            ("v3-jsapi", "wechat.jsapi", "wx3-sandbox"),
            ("v3-h5", "wechat.h5", "wx3-sandbox"),
            ("v3-miniprogram", "wechat.miniprogram", "wx3-mini-sandbox"),
        })
        {
            profile[$"Gateway:Routes:{route}:Channel"] = channel;
            profile[$"Gateway:Routes:{route}:Clients:0"] = DemoClientId;
            profile[$"Gateway:Routes:{route}:Instances:0"] = instance;
            profile[$"Gateway:Routes:{route}:Order"] = "-1";
        }

        foreach (var (instance, appId) in new[] { ("wx3-sandbox", jsapiAppId), ("wx3-mini-sandbox", miniAppId) })
        {
            profile[$"Gateway:Providers:{instance}:Plugin"] = "WeChatPayV3";
            profile[$"Gateway:Providers:{instance}:Settings:AppId"] = appId;
            profile[$"Gateway:Providers:{instance}:Settings:MchId"] = mchId;
            profile[$"Gateway:Providers:{instance}:Settings:MerchantSerialNo"] = MerchantSerialNo;
            profile[$"Gateway:Providers:{instance}:Settings:MerchantPrivateKey"] = merchantPrivate;
            profile[$"Gateway:Providers:{instance}:Settings:ApiV3Key"] = apiV3Key;
            profile[$"Gateway:Providers:{instance}:Settings:BaseUrl"] = $"{baseUrl}/sandbox/wechatpay";
            profile[$"Gateway:Providers:{instance}:Settings:PublicKeyId"] = PublicKeyId;
            profile[$"Gateway:Providers:{instance}:Settings:PublicKey"] = platformKey.ExportSubjectPublicKeyInfoPem();
        }

        // The sandbox merchant 0 (the v2 demo merchant) gets its APIv3 credentials: one merchant, both APIs.
        profile["Sandbox:WeChatPay:Merchants:0:ApiV3Key"] = apiV3Key;
        profile["Sandbox:WeChatPay:Merchants:0:MerchantSerialNo"] = MerchantSerialNo;
        profile["Sandbox:WeChatPay:Merchants:0:MerchantPublicKey"] = merchantKey.ExportSubjectPublicKeyInfoPem();
        profile["Sandbox:WeChatPay:V3PlatformPrivateKey"] = platformKey.ExportPkcs8PrivateKeyPem();
        profile["Sandbox:WeChatPay:V3PublicKeyId"] = PublicKeyId;
    }
}
