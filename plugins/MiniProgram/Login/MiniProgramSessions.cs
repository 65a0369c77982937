using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Abstractions.Hosting;

namespace Gateway.Plugins.MiniProgram.Login;

/// <summary>
/// Login sessions: the gateway's own opaque token (32 random bytes, base64url) → openid and session_key, in the
/// shared cache. The session_key stays here: WeChat forbids sending it to the mini program.
/// </summary>
internal sealed class MiniProgramSessions(IGatewayCache cache, string instanceName, TimeSpan lifetime)
{
    public async Task<string> StartAsync(string openId, string sessionKey, string? unionId, CancellationToken cancellationToken)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var session = new Session { OpenId = openId, SessionKey = sessionKey, UnionId = unionId };
        await cache.SetAsync(Key(token), JsonSerializer.Serialize(session), lifetime, cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>The session of a token, or null when unknown or expired.</summary>
    public async Task<Session?> FindAsync(string token, CancellationToken cancellationToken)
        => await cache.GetAsync(Key(token), cancellationToken).ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize<Session>(json) : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string Key(string token) => $"wechat:{instanceName}:mp-session:{token}";

    /// <summary>What a session holds. Not a record, so no generated ToString prints the session_key.</summary>
    internal sealed class Session
    {
        [JsonPropertyName("openid")]
        public string OpenId { get; set; } = "";

        [JsonPropertyName("session_key")]
        public string SessionKey { get; set; } = "";

        [JsonPropertyName("unionid")]
        public string? UnionId { get; set; }
    }
}
