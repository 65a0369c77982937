using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.WeChatPayV3;
using Gateway.Security;
using Gateway.TestMode;

namespace Gateway.FunctionalTests.Faults;

/// <summary>
/// <see cref="FaultGatewayFactory"/> on APIv3: clients whose native routes lead to WeChatPayV3 instances of sandbox
/// merchants of their own (two Failover pairs, since a transient error also benches an instance; a First pair with a 1 s call budget, one for notify faults; and one for
/// calls straight to the sandbox), so a fault
/// for one test's merchant touches no other test. The keys are <see cref="V3GatewayFactory"/>'s. Sync runs every 300 ms.
/// </summary>
public sealed class V3FaultGatewayFactory() : GatewayFactory(ExtraSettings)
{
    public const string FailoverKey = "sk_test_client_v3_failover";
    public const string RateLimitedKey = "sk_test_client_v3_ratelimited";
    public const string BenchKey = "sk_test_client_v3_bench";
    public const string NotifyKey = "sk_test_client_v3_notify";
    public const string AdminKey = "sk_test_admin";
    public const string MchFailover1 = "1900000511";
    public const string MchFailover2 = "1900000512";
    public const string MchRateLimited1 = "1900000513";
    public const string MchRateLimited2 = "1900000514";
    public const string MchBench1 = "1900000521";
    public const string MchBench2 = "1900000522";
    public const string MchNotify = "1900000531";

    /// <summary>A v3 merchant no gateway instance uses (so no sync call takes its faults): for calls made straight to the sandbox.</summary>
    public const string MchDirect = "1900000541";
    public const string AppId = "wxfaultv3faultv3f1";

    private static Dictionary<string, string?> ExtraSettings(int port)
    {
        var merchantPrivate = V3GatewayFactory.MerchantKey.ExportPkcs8PrivateKeyPem();
        var merchantPublic = V3GatewayFactory.MerchantKey.ExportSubjectPublicKeyInfoPem();
        var platformPublic = V3GatewayFactory.PlatformKey.ExportSubjectPublicKeyInfoPem();
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Sync:Schedule:0"] = "00:00:00.300",
            ["Gateway:Sync:Schedule:1"] = "00:00:00.300",
            // WeChat Pay's key is one this test knows; the demo v3 merchant and instances follow it.
            ["Sandbox:WeChatPay:V3PlatformPrivateKey"] = V3GatewayFactory.PlatformKey.ExportPkcs8PrivateKeyPem(),
            ["Gateway:Clients:client-v3notify:WebhookSecrets:0"] = "whsec_test_client_v3notify_current",
        };
        foreach (var (instance, merchant) in new[] { ("wx3-sandbox", TestModeV3Profile.SandboxMerchant), ("wx3-mini-sandbox", TestModeV3Profile.MiniProgramSandboxMerchant) })
        {
            settings[$"Sandbox:WeChatPay:Merchants:{merchant}:ApiV3Key"] = V3GatewayFactory.ApiV3Key;
            settings[$"Sandbox:WeChatPay:Merchants:{merchant}:MerchantPublicKey"] = merchantPublic;
            settings[$"Gateway:Providers:{instance}:Settings:MerchantPrivateKey"] = merchantPrivate;
            settings[$"Gateway:Providers:{instance}:Settings:ApiV3Key"] = V3GatewayFactory.ApiV3Key;
            settings[$"Gateway:Providers:{instance}:Settings:PublicKey"] = platformPublic;
        }

        Route("v3failover", FailoverKey, "Failover", ("wx3-fo-1", MchFailover1), ("wx3-fo-2", MchFailover2));
        Route("v3ratelimited", RateLimitedKey, "Failover", ("wx3-rl-1", MchRateLimited1), ("wx3-rl-2", MchRateLimited2));
        Route("v3bench", BenchKey, "First", ("wx3-bench-1", MchBench1), ("wx3-bench-2", MchBench2));
        Route("v3notify", NotifyKey, "First", ("wx3-notify", MchNotify));
        settings["Gateway:Providers:wx3-bench-1:Bulkhead:TimeoutSeconds"] = "1";

        var next = 20;
        foreach (var mchId in new[] { MchFailover1, MchFailover2, MchRateLimited1, MchRateLimited2, MchBench1, MchBench2, MchNotify, MchDirect })
        {
            var key = $"Sandbox:WeChatPay:Merchants:{next++}";
            settings[$"{key}:MchId"] = mchId;
            settings[$"{key}:ApiKey"] = "fa03fa03fa03fa03fa03fa03fa03fa03";
            settings[$"{key}:AppIds:0"] = AppId;
            settings[$"{key}:ApiV3Key"] = V3GatewayFactory.ApiV3Key;
            settings[$"{key}:MerchantSerialNo"] = V3GatewayFactory.MerchantSerialNo;
            settings[$"{key}:MerchantPublicKey"] = merchantPublic;
        }

        return settings;

        void Route(string client, string apiKey, string policy, params (string Instance, string MchId)[] instances)
        {
            settings[$"Gateway:Clients:client-{client}:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(apiKey);
            settings[$"Gateway:Routes:native-{client}:Channel"] = "wechat.native";
            settings[$"Gateway:Routes:native-{client}:Clients:0"] = $"client-{client}";
            settings[$"Gateway:Routes:native-{client}:Policy"] = policy;
            settings[$"Gateway:Routes:native-{client}:Order"] = "-2";
            for (var i = 0; i < instances.Length; i++)
            {
                var (instance, mchId) = instances[i];
                var provider = $"Gateway:Providers:{instance}";
                settings[$"Gateway:Routes:native-{client}:Instances:{i}"] = instance;
                settings[$"{provider}:Plugin"] = "WeChatPayV3";
                settings[$"{provider}:Settings:AppId"] = AppId;
                settings[$"{provider}:Settings:MchId"] = mchId;
                settings[$"{provider}:Settings:MerchantSerialNo"] = V3GatewayFactory.MerchantSerialNo;
                settings[$"{provider}:Settings:MerchantPrivateKey"] = merchantPrivate;
                settings[$"{provider}:Settings:ApiV3Key"] = V3GatewayFactory.ApiV3Key;
                settings[$"{provider}:Settings:PublicKeyId"] = V3GatewayFactory.PublicKeyId;
                settings[$"{provider}:Settings:PublicKey"] = platformPublic;
                settings[$"{provider}:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/sandbox/wechatpay";
            }
        }
    }
}
