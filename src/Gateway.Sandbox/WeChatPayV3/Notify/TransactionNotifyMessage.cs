using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPayV3.Api;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.WeChatPayV3.Crypto;

namespace Gateway.Sandbox.WeChatPayV3.Notify;

/// <summary>
/// A <c>TRANSACTION.SUCCESS</c> notify: the envelope with the transaction encrypted under the merchant's APIv3 key
/// (AEAD_AES_256_GCM, a 12-character nonce, associated_data <c>transaction</c>). REF: docs/protocols.md §F.
/// </summary>
internal static class TransactionNotifyMessage
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Build(OrderSnapshot order, V3Merchant merchant)
    {
        var payment = order.Payment ?? throw new InvalidOperationException("Only a paid order has a payment notify.");
        var nonce = RandomNumberGenerator.GetString(Alphanumeric, 12);
        const string associatedData = "transaction";
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["create_time"] = TransactionView.ToWire(payment.PaidAt),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = "TRANSACTION.SUCCESS",
            ["summary"] = "支付成功",
            ["resource"] = new JsonObject
            {
                ["original_type"] = "transaction",
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = AeadAes256Gcm.Encrypt(merchant.ApiV3Key, nonce, associatedData, TransactionView.From(order).ToJsonString()),
                ["associated_data"] = associatedData,
                ["nonce"] = nonce,
            },
        }.ToJsonString();
    }
}
