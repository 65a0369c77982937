using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.WeChat.Common.Tokens;
using Gateway.WeChatPay.OpenApi;

namespace Gateway.Plugins.WeChatJsapi.JsSdk;

/// <summary>
/// The app's jsapi_ticket (<c>cgi-bin/ticket/getticket?type=jsapi</c>), cached per app id in the shared cache and
/// refreshed once for everyone (<see cref="SharedTokenCache"/>). When WeChat says the base access_token is stale
/// (e.g. another system fetched a new one), that token is dropped and the call made once more.
/// </summary>
internal sealed class JsapiTicketSource(WeChatOpenApiClient api, WeChatAppSettings app, BaseAccessTokenSource tokens, SharedTokenCache cache)
{
    public string CacheKey { get; } = $"wechat:app:{app.AppId}:jsapi_ticket";

    public Task<string> GetAsync(CancellationToken cancellationToken) => cache.GetAsync(CacheKey, FetchAsync, cancellationToken);

    private async Task<IssuedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        var reply = await api.GetJsapiTicketAsync(token, cancellationToken).ConfigureAwait(false);
        if (WeChatApiCodes.IsStaleAccessToken(reply.ErrCode))
        {
            await tokens.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
            token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            reply = await api.GetJsapiTicketAsync(token, cancellationToken).ConfigureAwait(false);
        }

        if (!reply.IsSuccess || string.IsNullOrEmpty(reply.Ticket))
        {
            throw new WeChatApiException("cgi-bin/ticket/getticket", reply.ErrCode, reply.ErrMsg);
        }

        return new IssuedToken(reply.Ticket, TimeSpan.FromSeconds(reply.ExpiresIn));
    }
}
