using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Refunds;
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

    [Theory]
    [InlineData("REFUND.SUCCESS", "SUCCESS", RefundState.Succeeded)]
    [InlineData("REFUND.ABNORMAL", "ABNORMAL", RefundState.Failed)]
    [InlineData("REFUND.CLOSED", "CLOSED", RefundState.Failed)]
    public async Task RefundEvents_AreDecrypted_AndMapped(string eventType, string status, RefundState state)
    {
        var result = await ParseAsync(Envelope(eventType, RefundResource(status), "refund"));

        var refund = Assert.IsType<NotifyParseResult.Refund>(result).Notification;
        Assert.Equal(("re_1", "pay_1", "50300908092018010222000000001"), (refund.RefundId, refund.PaymentId, refund.ProviderRefundId));
        Assert.Equal((state, status), (refund.State, refund.ProviderState));
        Assert.Equal((300L, 1200L), (refund.Amount, refund.TotalAmount));
        Assert.Equal(PluginHarness.MchId, refund.MerchantId);
    }

    [Fact]
    public async Task ARefundEvent_WhoseRefundStatusContradictsIt_IsMalformed()
    {
        var result = await ParseAsync(Envelope("REFUND.SUCCESS", RefundResource("CLOSED"), "refund"));

        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
    }

    [Fact]
    public async Task ARefundEvent_WithoutTheRefundAmount_IsMalformed()
    {
        var result = await ParseAsync(Envelope("REFUND.SUCCESS", "{\"out_refund_no\":\"re_1\",\"out_trade_no\":\"pay_1\",\"refund_status\":\"SUCCESS\"}", "refund"));

        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
    }

    [Fact]
    public async Task AnUnknownEvent_IsUnsupported()
    {
        var result = await ParseAsync(Envelope("REFUND.SOMETHING_NEW", RefundResource("SUCCESS"), "refund"));

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

    [Theory]
    [InlineData(0)]
    [InlineData(-300)] // found writing the v3-notify-signed fuzz target: it was accepted
    public async Task ANonPositiveRefundAmount_IsMalformed(long refund)
    {
        var resource = RefundResource("SUCCESS").Replace("\"refund\":300,", $"\"refund\":{refund},", StringComparison.Ordinal);

        var result = await ParseAsync(Envelope("REFUND.SUCCESS", resource, "refund"));

        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
    }

    [Theory]
    [InlineData("\"total\":1200,", "\"total\":0,")]
    [InlineData("\"total\":1200,", "")]
    [InlineData("\"payer_refund\":300", "\"payer_refund\":301")]
    [InlineData("\"payer_refund\":300", "\"payer_refund\":-1")]
    public async Task ARefundEvent_WhoseTotalOrPayerRefundCannotBeTheRefunds_IsMalformed(string field, string replacement)
    {
        var resource = RefundResource("SUCCESS").Replace(field, replacement, StringComparison.Ordinal);
        Assert.NotEqual(RefundResource("SUCCESS"), resource);

        var result = await ParseAsync(Envelope("REFUND.SUCCESS", resource, "refund"));

        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
    }

    [Fact]
    public void Acks_AreV3Answers_TheHostsOutcomeDecidesTheStatus()
    {
        var ok = _harness.Instance.CreateAck(NotifyAckOutcome.Received, null);
        var forged = _harness.Instance.CreateAck(NotifyAckOutcome.Refused, "signature error");
        var unknown = _harness.Instance.CreateAck(NotifyAckOutcome.NotApplied, "unknown order");
        var ours = _harness.Instance.CreateAck(NotifyAckOutcome.Retry, "temporary failure");

        Assert.Equal((200, "{\"code\":\"SUCCESS\"}"), (ok.StatusCode, ok.Body));
        Assert.Equal((400, "{\"code\":\"FAIL\",\"message\":\"signature error\"}"), (forged.StatusCode, forged.Body));
        Assert.Equal((500, 500), (unknown.StatusCode, ours.StatusCode));
        Assert.Equal("application/json", ours.ContentType);
    }

    [Fact]
    public void TheReasonText_DecidesNothing()
    {
        // Only the structured outcome picks 400: a failure known only as "failed" is a 500, whatever its text says.
        Assert.Equal(500, _harness.Instance.CreateAck(false, "signature error").StatusCode);
        Assert.Equal(500, _harness.Instance.CreateAck(NotifyAckOutcome.NotApplied, "signature error").StatusCode);
        Assert.Equal(400, _harness.Instance.CreateAck(NotifyAckOutcome.Refused, "anything").StatusCode);
        Assert.Equal(200, _harness.Instance.CreateAck(true).StatusCode);
    }

    private static string Transaction()
        => $"{{\"appid\":\"{PluginHarness.AppId}\",\"mchid\":\"{PluginHarness.MchId}\",\"out_trade_no\":\"pay_1\",\"transaction_id\":\"4200000001\",\"trade_state\":\"SUCCESS\",\"amount\":{{\"total\":1200,\"currency\":\"CNY\"}}}}";

    private static string RefundResource(string status)
        => $"{{\"mchid\":\"{PluginHarness.MchId}\",\"transaction_id\":\"4200000001\",\"out_trade_no\":\"pay_1\",\"refund_id\":\"50300908092018010222000000001\",\"out_refund_no\":\"re_1\",\"refund_status\":\"{status}\",\"success_time\":\"2026-11-29T18:30:00+08:00\",\"user_received_account\":\"支付用户零钱\",\"amount\":{{\"total\":1200,\"refund\":300,\"payer_total\":1200,\"payer_refund\":300}}}}";

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
