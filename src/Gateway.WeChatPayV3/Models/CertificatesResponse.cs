using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>The reply of <c>GET /v3/certificates</c>. REF: docs/protocols.md §G3.f.</summary>
public sealed record CertificatesResponse([property: JsonPropertyName("data")] IReadOnlyList<CertificateEntry>? Data);

/// <summary>One platform certificate, its PEM encrypted with the APIv3 key.</summary>
public sealed record CertificateEntry
{
    /// <summary>serial_no: 40 hex characters.</summary>
    [JsonPropertyName("serial_no")] public string? SerialNo { get; init; }

    /// <summary>effective_time, RFC 3339.</summary>
    [JsonPropertyName("effective_time")] public DateTimeOffset? EffectiveTime { get; init; }

    /// <summary>expire_time, RFC 3339.</summary>
    [JsonPropertyName("expire_time")] public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>encrypt_certificate.</summary>
    [JsonPropertyName("encrypt_certificate")] public EncryptedResource? EncryptCertificate { get; init; }
}
