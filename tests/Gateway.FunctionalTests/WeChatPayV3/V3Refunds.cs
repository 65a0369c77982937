using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// Helpers of the v3 refund tests: a <c>demo-shop-v3</c> Native payment paid at the sandbox, and <c>REFUND.*</c> notifies
/// built the way WeChat Pay builds them, written here with System.Security.Cryptography directly.
/// </summary>
internal static class V3Refunds
{
    /// <summary>Refunds stay PROCESSING at the sandbox until told otherwise; sync asks soon; the merchant can give back 600 fen.</summary>
    public static IReadOnlyDictionary<string, string?> SlowRefunds { get; } = new Dictionary<string, string?>
    {
        ["Sandbox:WeChatPay:RefundProcessingTime"] = "01:00:00",
        [$"Sandbox:WeChatPay:Merchants:{Gateway.TestMode.TestModeV3Profile.SandboxMerchant}:RefundableBalance"] = "600",
        ["Gateway:Refunds:SyncSchedule:0"] = "00:00:00.300",
        ["Gateway:Refunds:PollInterval"] = "00:00:00.100",
    };

    public static async Task<string> PaidNativeAsync(V3GatewayFactory gateway, string merchantOrderId, long amount)
    {
        var created = await CreateAsync(gateway.DemoApi(), V3FlowTests.Body("wechat.native", merchantOrderId, amount));
        Assert.Equal("wx3-sandbox", created.Str("provider"));
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(gateway.Browser(), created.Str("action.codeUrl"))).StatusCode);
        await WaitForStatusAsync(gateway.DemoApi(), created.Str("id"), "succeeded");
        return created.Str("id");
    }

    public static string RefundJson(string outRefundNo, string outTradeNo, long refund, long total, string status = "SUCCESS", string mchId = V3GatewayFactory.MchId,
        string refundId = "50000000382019052709732678859")
        => new JsonObject
        {
            ["mchid"] = mchId,
            ["transaction_id"] = "4200000000202611290000000009",
            ["out_trade_no"] = outTradeNo,
            ["refund_id"] = refundId,
            ["out_refund_no"] = outRefundNo,
            ["refund_status"] = status,
            ["success_time"] = "2026-11-29T18:30:00+08:00",
            ["user_received_account"] = "支付用户零钱",
            ["amount"] = new JsonObject { ["total"] = total, ["refund"] = refund, ["payer_total"] = total, ["payer_refund"] = refund },
        }.ToJsonString();

    /// <param name="declaredAssociatedData">The associated_data the envelope names, when it is to differ from the one used.</param>
    public static string Envelope(string plaintext, string key, string eventType = "REFUND.SUCCESS", string associatedData = "refund", string? declaredAssociatedData = null)
    {
        const string nonce = "a1b2c3d4e5f6";
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + 16];
        using (var aes = new AesGcm(Encoding.ASCII.GetBytes(key), 16))
        {
            aes.Encrypt(Encoding.ASCII.GetBytes(nonce), plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        }

        return new JsonObject
        {
            ["id"] = "EV-2026112918300001",
            ["create_time"] = "2026-11-29T18:30:00+08:00",
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType,
            ["summary"] = "退款成功",
            ["resource"] = new JsonObject
            {
                ["original_type"] = "refund",
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = Convert.ToBase64String(sealedBytes),
                ["associated_data"] = declaredAssociatedData ?? associatedData,
                ["nonce"] = nonce,
            },
        }.ToJsonString();
    }

    public static string Amount(long fen) => fen.ToString(CultureInfo.InvariantCulture);
}
