using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Plugins.PaysApi.Models;

/// <summary>
/// The <c>?format=json</c> answer: <c>{"msg","data":{"qrcode","istype","realprice"},"code":1,"url"}</c>,
/// code 1 meaning success. Only seen in third-party code, not PaysAPI's docs (docs/protocols.md §E1), so the
/// loosely typed parts stay <see cref="JsonElement"/> rather than risk a throw on a quoted number.
/// </summary>
internal sealed record PayJsonResponse
{
    [JsonPropertyName("code")]
    public JsonElement Code { get; init; }

    [JsonPropertyName("msg")]
    public string? Msg { get; init; }

    [JsonPropertyName("data")]
    public PayJsonData? Data { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The code as text whether it came as <c>1</c> or <c>"1"</c>; empty when absent.</summary>
    public string CodeText => Code.ValueKind switch
    {
        JsonValueKind.Number => Code.GetRawText(),
        JsonValueKind.String => Code.GetString() ?? "",
        _ => "",
    };

    public bool IsSuccess => CodeText == "1";
}

/// <summary>The <c>data</c> object of <see cref="PayJsonResponse"/>.</summary>
internal sealed record PayJsonData
{
    /// <summary><c>qrcode</c>: the QR content to render (e.g. <c>HTTPS://QR.ALIPAY.COM/…</c>).</summary>
    [JsonPropertyName("qrcode")]
    public string? QrCode { get; init; }

    [JsonPropertyName("istype")]
    public JsonElement IsType { get; init; }

    /// <summary><c>realprice</c>: the amount the payer will be asked for; may differ from price by a few fen.</summary>
    [JsonPropertyName("realprice")]
    public JsonElement RealPrice { get; init; }
}
