using System.Text.Json.Serialization;

namespace Gateway.WeChatPay.OpenApi.Models;

/// <summary>The reply of <c>cgi-bin/ticket/getticket?type=jsapi</c>.</summary>
public sealed class JsapiTicketResponse : WeChatApiResponse
{
    /// <summary><c>ticket</c>: the jsapi_ticket wx.config signatures are made with.</summary>
    [JsonPropertyName("ticket")]
    public string? Ticket { get; set; }

    /// <summary><c>expires_in</c>: seconds (7200).</summary>
    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }
}
