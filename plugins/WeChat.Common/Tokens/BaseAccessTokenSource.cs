using Gateway.WeChatPay.OpenApi;

namespace Gateway.Plugins.WeChat.Common.Tokens;

/// <summary>
/// The app's base access_token (<c>cgi-bin/token</c>), cached per app id (not per instance: a new token
/// invalidates the previous one, so every instance of one app must share it).
/// </summary>
internal sealed class BaseAccessTokenSource(WeChatOpenApiClient api, WeChatAppSettings app, SharedTokenCache cache)
{
    /// <summary>The cache key of the token.</summary>
    public string CacheKey { get; } = $"wechat:app:{app.AppId}:access_token";

    /// <summary>The current token, refreshed when needed.</summary>
    public Task<string> GetAsync(CancellationToken cancellationToken) => cache.GetAsync(CacheKey, FetchAsync, cancellationToken);

    /// <summary>Forgets <paramref name="staleToken"/> after WeChat called it invalid or expired.</summary>
    public ValueTask InvalidateAsync(string staleToken, CancellationToken cancellationToken)
        => cache.InvalidateAsync(CacheKey, staleToken, cancellationToken);

    private async Task<IssuedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var reply = await api.GetAccessTokenAsync(app.AppId, app.AppSecret, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess || string.IsNullOrEmpty(reply.AccessToken))
        {
            throw new WeChatApiException("cgi-bin/token", reply.ErrCode, reply.ErrMsg);
        }

        return new IssuedToken(reply.AccessToken, TimeSpan.FromSeconds(reply.ExpiresIn));
    }
}
