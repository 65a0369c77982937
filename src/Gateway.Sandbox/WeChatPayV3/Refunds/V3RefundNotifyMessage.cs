using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Refunds;
using Gateway.Sandbox.WeChatPayV3.Api;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.WeChatPayV3.Crypto;

namespace Gateway.Sandbox.WeChatPayV3.Refunds;

/// <summary>
/// A <c>REFUND.SUCCESS</c>, <c>REFUND.ABNORMAL</c> or <c>REFUND.CLOSED</c> notify: the envelope with the refund encrypted
/// under the merchant's APIv3 key (AEAD_AES_256_GCM, associated_data <c>refund</c>). REF: docs/protocols.md §G3.d.
/// </summary>
internal static class V3RefundNotifyMessage
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Build(OrderSnapshot order, SandboxRefund refund, V3Merchant merchant, DateTimeOffset now)
    {
        var (eventType, summary) = refund.State.Status switch
        {
            RefundStatuses.Success => ("REFUND.SUCCESS", "退款成功"),
            RefundStatuses.Change => ("REFUND.ABNORMAL", "退款异常"),
            RefundStatuses.RefundClose => ("REFUND.CLOSED", "退款关闭"),
            var other => throw new InvalidOperationException($"A refund in state {other} has no notify."),
        };
        var nonce = RandomNumberGenerator.GetString(Alphanumeric, 12);
        const string associatedData = "refund";
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["create_time"] = TransactionView.ToWire(now),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType,
            ["summary"] = summary,
            ["resource"] = new JsonObject
            {
                ["original_type"] = "refund",
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = AeadAes256Gcm.Encrypt(merchant.ApiV3Key, nonce, associatedData, RefundView.NotifyResource(order, refund).ToJsonString()),
                ["associated_data"] = associatedData,
                ["nonce"] = nonce,
            },
        }.ToJsonString();
    }
}
