using System.Text.Json.Serialization;

namespace Gateway.WeChatPay.OpenApi.Models;

/// <summary>The reply of <c>sns/jscode2session</c>. <see cref="SessionKey"/> must never leave the server.</summary>
public sealed class Code2SessionResponse : WeChatApiResponse
{
    /// <summary><c>openid</c>: the user under the mini program's app id.</summary>
    [JsonPropertyName("openid")]
    public string? OpenId { get; set; }

    /// <summary><c>session_key</c>: decrypts user data; a secret.</summary>
    [JsonPropertyName("session_key")]
    public string? SessionKey { get; set; }

    /// <summary><c>unionid</c>, when bound to an Open Platform account.</summary>
    [JsonPropertyName("unionid")]
    public string? UnionId { get; set; }
}
