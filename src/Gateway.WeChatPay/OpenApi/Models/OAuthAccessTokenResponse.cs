using System.Text.Json.Serialization;

namespace Gateway.WeChatPay.OpenApi.Models;

/// <summary>The reply of <c>sns/oauth2/access_token</c> and <c>sns/oauth2/refresh_token</c>. The tokens are secrets: never log or return them.</summary>
public sealed class OAuthAccessTokenResponse : WeChatApiResponse
{
    /// <summary><c>access_token</c>: the web-authorization token (not the base access_token).</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    /// <summary><c>expires_in</c>: seconds (7200).</summary>
    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }

    /// <summary><c>refresh_token</c>: lives 30 days.</summary>
    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    /// <summary><c>openid</c>: the user under this app id.</summary>
    [JsonPropertyName("openid")]
    public string? OpenId { get; set; }

    /// <summary><c>scope</c>: what the user granted.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary><c>unionid</c>, when the app is bound to an Open Platform account.</summary>
    [JsonPropertyName("unionid")]
    public string? UnionId { get; set; }
}
