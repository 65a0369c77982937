using Gateway.FunctionalTests.Infrastructure;
using Gateway.Security;

namespace Gateway.FunctionalTests.Faults;

/// <summary>
/// The functional gateway plus clients whose routes lead to sandbox merchants of their own, so a fault injected
/// for one test's merchant (<c>POST /sandbox/faults</c>) touches no other test: a Failover route over two
/// instances, a First route over two instances with a 1 s call budget, and an instance for a notify storm.
/// Sync runs every 300 ms.
/// </summary>
public sealed class FaultGatewayFactory() : GatewayFactory(ExtraSettings)
{
    public const string FailoverKey = "sk_test_client_failover";
    public const string BenchKey = "sk_test_client_bench";
    public const string StormKey = "sk_test_client_storm";
    public const string AdminKey = "sk_test_admin";
    public const string MchFailover1 = "1900000011";
    public const string MchFailover2 = "1900000012";
    public const string MchBench1 = "1900000021";
    public const string MchBench2 = "1900000022";
    public const string MchStorm = "1900000031";

    private const string AppId = "wxfaultfaultfault1";
    private const string MerchantKey = "fa017fa017fa017fa017fa017fa017ff";

    private static Dictionary<string, string?> ExtraSettings(int port)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Sync:Schedule:0"] = "00:00:00.300",
            ["Gateway:Sync:Schedule:1"] = "00:00:00.300",
        };
        Route(settings, "failover", FailoverKey, "Failover", ("wx-fo-1", MchFailover1), ("wx-fo-2", MchFailover2));
        Route(settings, "bench", BenchKey, "First", ("wx-bench-1", MchBench1), ("wx-bench-2", MchBench2));
        Route(settings, "storm", StormKey, "First", ("wx-storm", MchStorm));
        settings["Gateway:Clients:client-storm:WebhookSecrets:0"] = "whsec_test_client_storm_current";
        settings["Gateway:Providers:wx-bench-1:Bulkhead:TimeoutSeconds"] = "1";

        var merchant = 10;
        foreach (var mchId in new[] { MchFailover1, MchFailover2, MchBench1, MchBench2, MchStorm })
        {
            settings[$"Sandbox:WeChatPay:Merchants:{merchant}:MchId"] = mchId;
            settings[$"Sandbox:WeChatPay:Merchants:{merchant}:ApiKey"] = MerchantKey;
            settings[$"Sandbox:WeChatPay:Merchants:{merchant}:AppIds:0"] = AppId;
            merchant++;
        }

        return settings;

        void Route(Dictionary<string, string?> s, string client, string key, string policy, params (string Instance, string MchId)[] instances)
        {
            s[$"Gateway:Clients:client-{client}:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(key);
            s[$"Gateway:Routes:native-{client}:Channel"] = "wechat.native";
            s[$"Gateway:Routes:native-{client}:Clients:0"] = $"client-{client}";
            s[$"Gateway:Routes:native-{client}:Policy"] = policy;
            s[$"Gateway:Routes:native-{client}:Order"] = "-2";
            for (var i = 0; i < instances.Length; i++)
            {
                var (instance, mchId) = instances[i];
                s[$"Gateway:Routes:native-{client}:Instances:{i}"] = instance;
                s[$"Gateway:Providers:{instance}:Plugin"] = "WeChatNative";
                s[$"Gateway:Providers:{instance}:Settings:AppId"] = AppId;
                s[$"Gateway:Providers:{instance}:Settings:MchId"] = mchId;
                s[$"Gateway:Providers:{instance}:Settings:ApiKey"] = MerchantKey;
                s[$"Gateway:Providers:{instance}:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/sandbox/wechatpay";
            }
        }
    }
}
