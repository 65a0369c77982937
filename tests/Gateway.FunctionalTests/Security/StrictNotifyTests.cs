using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Security;

/// <summary>
/// WeChat v2 notifies are checked strictly end to end: the instance's SignType fixes the algorithm, the sign is
/// compared as WeChat sends it (upper-case hex), and appid/mch_id must be there. Each refusal answers FAIL and
/// leaves the payment pending; the correctly signed notify then succeeds.
/// </summary>
public class StrictNotifyTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task HmacInstance_RefusesMd5_LowerCase_AndMissingIds_ThenAcceptsTheRealOne()
    {
        var api = gateway.ApiClient(GatewayFactory.ClientBKey); // client-b is routed to wx-b (HMAC-SHA256)
        var id = (await CreateAsync(api, NativePayment($"strict-{Guid.NewGuid():N}"[..30], amount: 200))).Str("id");
        var http = gateway.ApiClient(null);
        var transactionId = "4200" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999);

        var md5 = Fields(id, transactionId);
        md5["sign"] = IndependentWeChatSigner.Md5(md5, GatewayFactory.MerchantBKey);
        var lower = Fields(id, transactionId);
        lower["sign"] = IndependentWeChatSigner.HmacSha256(lower, GatewayFactory.MerchantBKey).ToLowerInvariant();
        var noMchId = Fields(id, transactionId);
        noMchId.Remove("mch_id");
        noMchId["sign"] = IndependentWeChatSigner.HmacSha256(noMchId, GatewayFactory.MerchantBKey);
        var declaredMd5 = Fields(id, transactionId);
        declaredMd5["sign_type"] = "MD5";
        declaredMd5["sign"] = IndependentWeChatSigner.Md5(declaredMd5, GatewayFactory.MerchantBKey);

        foreach (var forged in new[] { md5, lower, noMchId, declaredMd5 })
        {
            Assert.Equal("FAIL", await Reliability.NotifyFixtures.PostAsync(http, "wx-b", IndependentWeChatSigner.Xml(forged)));
        }

        Assert.Equal("pending", (await GetAsync(api, id)).Str("status"));

        var real = Fields(id, transactionId);
        real["sign"] = IndependentWeChatSigner.HmacSha256(real, GatewayFactory.MerchantBKey);
        Assert.Equal("SUCCESS", await Reliability.NotifyFixtures.PostAsync(http, "wx-b", IndependentWeChatSigner.Xml(real)));
        Assert.Equal("succeeded", (await GetAsync(api, id)).Str("status"));
    }

    private static Dictionary<string, string> Fields(string paymentId, string transactionId) => new()
    {
        ["return_code"] = "SUCCESS", ["appid"] = GatewayFactory.AppB, ["mch_id"] = GatewayFactory.MchB, ["nonce_str"] = Guid.NewGuid().ToString("N"),
        ["result_code"] = "SUCCESS", ["openid"] = "oTestPayer", ["trade_type"] = "NATIVE", ["bank_type"] = "OTHERS", ["total_fee"] = "200",
        ["fee_type"] = "CNY", ["cash_fee"] = "200", ["transaction_id"] = transactionId, ["out_trade_no"] = paymentId, ["time_end"] = "20261122203000",
    };
}
