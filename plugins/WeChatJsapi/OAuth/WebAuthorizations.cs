using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Abstractions.Hosting;
using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.WeChat.Common.Tokens;
using Gateway.WeChatPay.OpenApi;
using Gateway.WeChatPay.OpenApi.Models;

namespace Gateway.Plugins.WeChatJsapi.OAuth;

/// <summary>
/// The web-authorization tokens of each user (<c>sns/oauth2/access_token</c>), kept server-side only, keyed by
/// openid for as long as the refresh_token lives (30 days). <see cref="GetAccessTokenAsync"/> refreshes an
/// expired access token with <c>sns/oauth2/refresh_token</c>; it is what a call on the user's behalf
/// (e.g. <c>sns/userinfo</c>) uses. Nothing here ever reaches a browser.
/// </summary>
internal sealed class WebAuthorizations(IGatewayCache cache, WeChatOpenApiClient api, WeChatAppSettings app, TimeProvider time, string instanceName)
{
    /// <summary>WeChat's refresh_token lifetime.</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    // Refresh a little early so a token is not used in its last seconds.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    /// <summary>Stores what the code exchange returned.</summary>
    public Task StoreAsync(OAuthAccessTokenResponse reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var entry = new Entry
        {
            Scope = reply.Scope ?? "",
            AccessToken = reply.AccessToken ?? "",
            RefreshToken = reply.RefreshToken ?? "",
            AccessExpiresAt = time.GetUtcNow().AddSeconds(reply.ExpiresIn),
        };
        return cache.SetAsync(Key(reply.OpenId!), JsonSerializer.Serialize(entry), RefreshTokenLifetime, cancellationToken).AsTask();
    }

    /// <summary>
    /// A valid web access token for <paramref name="openId"/>, refreshed when it expired; null when the user never
    /// authorized here or the refresh token is gone (then the user must go through OAuth again).
    /// </summary>
    public async Task<string?> GetAccessTokenAsync(string openId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        if (await cache.GetAsync(Key(openId), cancellationToken).ConfigureAwait(false) is not { } json
            || JsonSerializer.Deserialize<Entry>(json) is not { } entry)
        {
            return null;
        }

        if (entry.AccessExpiresAt - Margin > time.GetUtcNow())
        {
            return entry.AccessToken;
        }

        var reply = await api.RefreshOAuthAccessTokenAsync(app.AppId, entry.RefreshToken, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess || string.IsNullOrEmpty(reply.AccessToken))
        {
            if (reply.ErrCode == WeChatApiCodes.RefreshTokenExpired || reply.ErrCode == 40030)
            {
                // 42002 refresh_token expired, 40030 invalid refresh_token: the authorization is over.
                await cache.RemoveAsync(Key(openId), cancellationToken).ConfigureAwait(false);
                return null;
            }

            throw new WeChatApiException("sns/oauth2/refresh_token", reply.ErrCode, reply.ErrMsg);
        }

        reply.OpenId ??= openId;
        reply.RefreshToken ??= entry.RefreshToken;
        await StoreAsync(reply, cancellationToken).ConfigureAwait(false);
        return reply.AccessToken;
    }

    private string Key(string openId) => $"wechat:{instanceName}:web-auth:{openId}";

    private sealed class Entry
    {
        [JsonPropertyName("scope")]
        public string Scope { get; set; } = "";

        [JsonPropertyName("access_token")]
        public string AccessToken { get; set; } = "";

        [JsonPropertyName("refresh_token")]
        public string RefreshToken { get; set; } = "";

        [JsonPropertyName("access_expires_at")]
        public DateTimeOffset AccessExpiresAt { get; set; }
    }
}
