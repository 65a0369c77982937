using System.Security.Cryptography;
using Gateway.Security;

namespace Gateway.TestMode;

/// <summary>
/// The APIv3 part of test mode: a second demo client <c>demo-shop-v3</c> whose WeChat channels (native, jsapi,
/// miniprogram, h5) go to WeChatPayV3 instances, each with a sandbox merchant of its own.
/// Each merchant's API key pair and APIv3 key, and WeChat Pay's key pair, are generated here at start-up, so nothing
/// secret is in the repository. Both instances verify in public-key mode; certificate mode is one setting away
/// (drop <c>PublicKeyId</c>/<c>PublicKey</c> and set the sandbox merchant's <c>V3SignatureMode</c> to <c>Certificate</c>).
/// </summary>
internal static class TestModeV3Profile
{
    public const string DemoApiKey = "sk_test_demo_shop_v3";
    public const string DemoClientId = "demo-shop-v3";
    public const string MerchantSerialNo = "3775B6A45ACD588826D15E583A95F5DD7C0B3A6B";
    public const string PublicKeyId = "PUB_KEY_ID_0119000001092026000000000000000001";
    public const string MchId = "1900000112";
    public const string MiniProgramMchId = "1900000113";

    /// <summary>The indexes of their merchants in <c>Sandbox:WeChatPay:Merchants</c>.</summary>
    public const int SandboxMerchant = 12;
    public const int MiniProgramSandboxMerchant = 13;

    public static void AddTo(Dictionary<string, string?> profile, string baseUrl, string jsapiAppId, string miniAppId)
    {
        using var platformKey = RSA.Create(2048);

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

        foreach (var (instance, appId, mchId, merchant) in new[] { ("wx3-sandbox", jsapiAppId, MchId, SandboxMerchant), ("wx3-mini-sandbox", miniAppId, MiniProgramMchId, MiniProgramSandboxMerchant) })
        {
            using var merchantKey = RSA.Create(2048);
            var apiV3Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            profile[$"Gateway:Providers:{instance}:Plugin"] = "WeChatPayV3";
            profile[$"Gateway:Providers:{instance}:Settings:AppId"] = appId;
            profile[$"Gateway:Providers:{instance}:Settings:MchId"] = mchId;
            profile[$"Gateway:Providers:{instance}:Settings:MerchantSerialNo"] = MerchantSerialNo;
            profile[$"Gateway:Providers:{instance}:Settings:MerchantPrivateKey"] = merchantKey.ExportPkcs8PrivateKeyPem();
            profile[$"Gateway:Providers:{instance}:Settings:ApiV3Key"] = apiV3Key;
            profile[$"Gateway:Providers:{instance}:Settings:BaseUrl"] = $"{baseUrl}/sandbox/wechatpay";
            profile[$"Gateway:Providers:{instance}:Settings:PublicKeyId"] = PublicKeyId;
            profile[$"Gateway:Providers:{instance}:Settings:PublicKey"] = platformKey.ExportSubjectPublicKeyInfoPem();

            // Its sandbox merchant; a merchant always has a v2 API key too, which these instances do not use.
            profile[$"Sandbox:WeChatPay:Merchants:{merchant}:MchId"] = mchId;
            profile[$"Sandbox:WeChatPay:Merchants:{merchant}:ApiKey"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            profile[$"Sandbox:WeChatPay:Merchants:{merchant}:AppIds:0"] = appId;
            profile[$"Sandbox:WeChatPay:Merchants:{merchant}:ApiV3Key"] = apiV3Key;
            profile[$"Sandbox:WeChatPay:Merchants:{merchant}:MerchantSerialNo"] = MerchantSerialNo;
            profile[$"Sandbox:WeChatPay:Merchants:{merchant}:MerchantPublicKey"] = merchantKey.ExportSubjectPublicKeyInfoPem();
        }

        profile["Sandbox:WeChatPay:V3PlatformPrivateKey"] = platformKey.ExportPkcs8PrivateKeyPem();
        profile["Sandbox:WeChatPay:V3PublicKeyId"] = PublicKeyId;
    }
}
