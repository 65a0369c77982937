using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>
/// The body of <c>POST /v3/pay/transactions/{native|jsapi|h5}</c>; wire names kept. <c>payer</c> is for JSAPI
/// (and mini programs) only, <c>scene_info.h5_info</c> for H5 only. REF: docs/protocols.md §G3.a.
/// </summary>
public sealed record PrepayRequest
{
    /// <summary>appid, bound to mchid.</summary>
    [JsonPropertyName("appid")] public required string AppId { get; init; }

    /// <summary>mchid.</summary>
    [JsonPropertyName("mchid")] public required string MchId { get; init; }

    /// <summary>description, at most 127 characters.</summary>
    [JsonPropertyName("description")] public required string Description { get; init; }

    /// <summary>out_trade_no: 6-32 of digits, letters, <c>_-*</c>.</summary>
    [JsonPropertyName("out_trade_no")] public required string OutTradeNo { get; init; }

    /// <summary>time_expire, RFC 3339 with offset.</summary>
    [JsonPropertyName("time_expire")] public string? TimeExpire { get; init; }

    /// <summary>attach, echoed in query and notify.</summary>
    [JsonPropertyName("attach")] public string? Attach { get; init; }

    /// <summary>notify_url: no query string.</summary>
    [JsonPropertyName("notify_url")] public required string NotifyUrl { get; init; }

    /// <summary>amount.</summary>
    [JsonPropertyName("amount")] public required PrepayAmount Amount { get; init; }

    /// <summary>payer: JSAPI and mini programs.</summary>
    [JsonPropertyName("payer")] public PrepayPayer? Payer { get; init; }

    /// <summary>scene_info: required for H5.</summary>
    [JsonPropertyName("scene_info")] public SceneInfo? SceneInfo { get; init; }
}

/// <summary>amount of a prepay: total in fen, currency CNY.</summary>
public sealed record PrepayAmount([property: JsonPropertyName("total")] long Total, [property: JsonPropertyName("currency")] string? Currency = "CNY");

/// <summary>payer: the openid under the request's appid.</summary>
public sealed record PrepayPayer([property: JsonPropertyName("openid")] string OpenId);

/// <summary>scene_info: the payer's IP, and for H5 the h5_info.</summary>
public sealed record SceneInfo(
    [property: JsonPropertyName("payer_client_ip")] string PayerClientIp,
    [property: JsonPropertyName("h5_info")] H5Info? H5Info = null);

/// <summary>h5_info: <c>type</c> is <c>Wap</c> for a mobile web page.</summary>
public sealed record H5Info([property: JsonPropertyName("type")] string Type);
