using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>The prepay replies: native answers <c>code_url</c>, jsapi <c>prepay_id</c>, h5 <c>h5_url</c>.</summary>
public sealed record PrepayResponse
{
    /// <summary>code_url (native): <c>weixin://wxpay/bizpayurl?pr=…</c>.</summary>
    [JsonPropertyName("code_url")] public string? CodeUrl { get; init; }

    /// <summary>prepay_id (jsapi and mini programs).</summary>
    [JsonPropertyName("prepay_id")] public string? PrepayId { get; init; }

    /// <summary>h5_url (h5): where the payer's mobile browser is sent.</summary>
    [JsonPropertyName("h5_url")] public string? H5Url { get; init; }
}
