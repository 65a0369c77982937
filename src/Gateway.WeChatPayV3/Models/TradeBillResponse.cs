using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>The reply of <c>GET /v3/bill/tradebill</c>: where to download the bill and its digest. REF: docs/protocols.md §G3.h.</summary>
public sealed record TradeBillResponse
{
    /// <summary>hash_type: <c>SHA1</c>.</summary>
    [JsonPropertyName("hash_type")] public string? HashType { get; init; }

    /// <summary>hash_value: the digest of the file as downloaded, 40 hex digits.</summary>
    [JsonPropertyName("hash_value")] public string? HashValue { get; init; }

    /// <summary>download_url: a short-lived <c>/v3/billdownload/file?token=…</c> link, fetched with a signed GET.</summary>
    [JsonPropertyName("download_url")] public string? DownloadUrl { get; init; }
}
