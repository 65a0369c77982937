using System.Text.Json.Serialization;

namespace Gateway.WeChatPay.OpenApi.Models;

/// <summary>The reply of <c>cgi-bin/token</c>: the base access_token. A secret.</summary>
public sealed class AccessTokenResponse : WeChatApiResponse
{
    /// <summary><c>access_token</c>.</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    /// <summary><c>expires_in</c>: seconds (7200).</summary>
    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }
}
