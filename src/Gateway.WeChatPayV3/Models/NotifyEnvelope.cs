using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>
/// A notify: <c>{id, create_time, event_type, resource_type: "encrypt-resource", summary, resource}</c>.
/// REF: docs/protocols.md §F.
/// </summary>
public sealed record NotifyEnvelope
{
    /// <summary>id of the notification.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>create_time.</summary>
    [JsonPropertyName("create_time")] public string? CreateTime { get; init; }

    /// <summary>event_type: TRANSACTION.SUCCESS, REFUND.SUCCESS, …</summary>
    [JsonPropertyName("event_type")] public string? EventType { get; init; }

    /// <summary>resource_type: encrypt-resource.</summary>
    [JsonPropertyName("resource_type")] public string? ResourceType { get; init; }

    /// <summary>summary.</summary>
    [JsonPropertyName("summary")] public string? Summary { get; init; }

    /// <summary>resource: the encrypted payload.</summary>
    [JsonPropertyName("resource")] public EncryptedResource? Resource { get; init; }
}

/// <summary>An <c>AEAD_AES_256_GCM</c> encrypted resource (notify resources and platform certificates).</summary>
public sealed record EncryptedResource
{
    /// <summary>algorithm: AEAD_AES_256_GCM.</summary>
    [JsonPropertyName("algorithm")] public string? Algorithm { get; init; }

    /// <summary>ciphertext: Base64(encrypted ‖ tag).</summary>
    [JsonPropertyName("ciphertext")] public string? Ciphertext { get; init; }

    /// <summary>nonce: 12 characters.</summary>
    [JsonPropertyName("nonce")] public string? Nonce { get; init; }

    /// <summary>associated_data: possibly empty.</summary>
    [JsonPropertyName("associated_data")] public string? AssociatedData { get; init; }

    /// <summary>original_type: transaction, refund, certificate.</summary>
    [JsonPropertyName("original_type")] public string? OriginalType { get; init; }
}
