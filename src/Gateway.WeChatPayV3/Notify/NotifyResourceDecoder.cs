using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.WeChatPayV3.Crypto;
using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3.Notify;

/// <summary>
/// Reads a notify envelope and decrypts its <c>resource</c> (only after the signature headers were verified).
/// REF: docs/protocols.md §F.
/// </summary>
public static class NotifyResourceDecoder
{
    /// <summary>The algorithm every resource uses.</summary>
    public const string Algorithm = "AEAD_AES_256_GCM";

    /// <summary>Parses the envelope; null when the body is not one.</summary>
    public static NotifyEnvelope? ReadEnvelope(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, WeChatPayV3Json.Default.NotifyEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Decrypts a <c>transaction</c> resource; null when it does not decrypt or is not a transaction.</summary>
    public static Transaction? DecryptTransaction(EncryptedResource? resource, string apiV3Key)
        => Decrypt(resource, apiV3Key, WeChatPayV3Json.Default.Transaction);

    /// <summary>Decrypts a <c>refund</c> resource (<c>REFUND.*</c> events); null when it does not decrypt or is not one.</summary>
    public static RefundNotifyResource? DecryptRefund(EncryptedResource? resource, string apiV3Key)
        => Decrypt(resource, apiV3Key, WeChatPayV3Json.Default.RefundNotifyResource);

    private static T? Decrypt<T>(EncryptedResource? resource, string apiV3Key, JsonTypeInfo<T> type)
        where T : class
    {
        if (resource is not { Algorithm: Algorithm, Ciphertext: { } ciphertext, Nonce: { } nonce }
            || !AeadAes256Gcm.TryDecrypt(apiV3Key, nonce, resource.AssociatedData, ciphertext, out var json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
