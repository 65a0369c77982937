using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.WeChatPayV3.Crypto;

namespace Gateway.Plugins.WeChatPayV3.Tests;

public sealed class NotifyTests
{
    private readonly PluginHarness _harness = new();

    [Fact]
    public async Task TransactionSuccess_IsVerified_Decrypted_AndMapped()
    {
        var result = await ParseAsync(Envelope("TRANSACTION.SUCCESS", Transaction()));

        var payment = Assert.IsType<NotifyParseResult.Payment>(result).Notification;
        Assert.Equal("pay_1", payment.PaymentId);
        Assert.Equal("4200000001", payment.ProviderTransactionId);
        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        Assert.Equal(1200, payment.Amount);
        Assert.Equal(PluginHarness.AppId, payment.AppId);
        Assert.Equal(PluginHarness.MchId, payment.MerchantId);
    }

    [Fact]
    public async Task WithoutSignatureHeaders_IsABadSignature()
    {
        var body = Encoding.UTF8.GetBytes(Envelope("TRANSACTION.SUCCESS", Transaction()));

        var result = await _harness.Instance.ParseNotifyAsync(new NotifyRequest(NotifyKind.Payment, body, "application/json", new Dictionary<string, string>()), default);

        Assert.Equal(NotifyRejections.BadSignature, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
    }

    [Fact]
    public async Task RefundEvents_AreNotHandledYet()
    {
        var result = await ParseAsync(Envelope("REFUND.SUCCESS", "{\"out_trade_no\":\"pay_1\",\"refund_status\":\"SUCCESS\"}", "refund"));

        Assert.Equal(NotifyRejections.Unsupported, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
    }

    [Fact]
    public async Task AResourceEncryptedWithAnotherKey_IsMalformed()
    {
        var result = await ParseAsync(Envelope("TRANSACTION.SUCCESS", Transaction(), key: "0123456789abcdef0123456789abcdef"));

        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)] // found writing the v3-notify-signed fuzz target: it was accepted
    public async Task ANonPositiveTotal_IsMalformed(long total)
    {
        var result = await ParseAsync(Envelope("TRANSACTION.SUCCESS", Transaction().Replace("\"total\":1200", $"\"total\":{total}", StringComparison.Ordinal)));

        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
    }

    [Fact]
    public void Acks_AreV3Answers_TheStatusDecides()
    {
        var ok = _harness.Instance.CreateAck(true);
        var forged = _harness.Instance.CreateAck(false, "signature error");
        var ours = _harness.Instance.CreateAck(false, "temporary failure");

        Assert.Equal((200, "{\"code\":\"SUCCESS\"}"), (ok.StatusCode, ok.Body));
        Assert.Equal((400, "{\"code\":\"FAIL\",\"message\":\"signature error\"}"), (forged.StatusCode, forged.Body));
        Assert.Equal(500, ours.StatusCode);
        Assert.Equal("application/json", ours.ContentType);
    }

    private static string Transaction()
        => $"{{\"appid\":\"{PluginHarness.AppId}\",\"mchid\":\"{PluginHarness.MchId}\",\"out_trade_no\":\"pay_1\",\"transaction_id\":\"4200000001\",\"trade_state\":\"SUCCESS\",\"amount\":{{\"total\":1200,\"currency\":\"CNY\"}}}}";

    private static string Envelope(string eventType, string resource, string originalType = "transaction", string key = PluginHarness.ApiV3Key)
        => $"{{\"id\":\"EV-1\",\"event_type\":\"{eventType}\",\"resource_type\":\"encrypt-resource\",\"resource\":{{\"original_type\":\"{originalType}\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"{AeadAes256Gcm.Encrypt(key, "fdasflkja484", originalType, resource)}\",\"associated_data\":\"{originalType}\",\"nonce\":\"fdasflkja484\"}}}}";

    private ValueTask<NotifyParseResult> ParseAsync(string body)
    {
        var timestamp = _harness.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "fdasfwef";
        var signature = PluginHarness.PlatformKey.SignData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Serial"] = PluginHarness.PublicKeyId,
            ["Wechatpay-Signature"] = Convert.ToBase64String(signature),
        };
        return _harness.Instance.ParseNotifyAsync(new NotifyRequest(NotifyKind.Payment, Encoding.UTF8.GetBytes(body), "application/json", headers), default);
    }
}
