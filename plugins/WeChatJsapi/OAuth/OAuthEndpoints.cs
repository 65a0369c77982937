using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.WeChat.Common.Http;
using Gateway.Plugins.WeChat.Common.Tokens;
using Gateway.WeChatPay;
using Gateway.WeChatPay.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatJsapi.OAuth;

/// <summary>
/// OAuth2 web authorization, to learn the payer's openid inside WeChat (docs/protocols.md §C2):
/// <c>GET oauth/start?returnUrl=…&amp;scope=snsapi_base|snsapi_userinfo</c> sends the browser to WeChat's authorize
/// page; WeChat sends it back to <c>GET oauth/callback?code=…&amp;state=…</c>, where the code is exchanged on the
/// server and the browser goes on to the return URL with a signed, expiring hand-off added
/// (<see cref="OpenIdHandOff"/>: <c>openid</c>, <c>expires</c>, <c>signature</c>). The app secret and the web tokens
/// stay on the server.
/// REF: https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
/// </summary>
internal sealed partial class OAuthEndpoints(
    WeChatAppSettings app,
    string authorizeUrl,
    Uri callbackUrl,
    ReturnUrls returnUrls,
    OAuthStates states,
    WebAuthorizations authorizations,
    WeChatOpenApiClient api,
    OpenIdHandOff handOff,
    ILogger logger,
    string instanceName)
{
    public const string ScopeBase = "snsapi_base";
    public const string ScopeUserInfo = "snsapi_userinfo";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/oauth/start", (string? returnUrl, string? scope, CancellationToken cancellationToken) => StartAsync(returnUrl, scope, cancellationToken));
        endpoints.MapGet("/oauth/callback", (string? code, string? state, CancellationToken cancellationToken) => CallbackAsync(code, state, cancellationToken));
    }

    public async Task<IResult> StartAsync(string? returnUrl, string? scope, CancellationToken cancellationToken)
    {
        if (!returnUrls.IsAllowed(returnUrl))
        {
            return WeChatProblems.Invalid("invalid_return_url", "returnUrl must be a relative path or a URL on an allowed origin.");
        }

        scope = string.IsNullOrEmpty(scope) ? ScopeBase : scope;
        if (scope is not (ScopeBase or ScopeUserInfo))
        {
            return WeChatProblems.Invalid("invalid_scope", "scope must be snsapi_base or snsapi_userinfo.");
        }

        var state = await states.IssueAsync(new PendingLogin(returnUrl!, scope), cancellationToken).ConfigureAwait(false);
        var url = QueryHelpers.AddQueryString(authorizeUrl, new Dictionary<string, string?>
        {
            ["appid"] = app.AppId,
            ["redirect_uri"] = callbackUrl.AbsoluteUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
        });

        // WeChat requires the #wechat_redirect suffix; the browser keeps it client-side.
        return Results.Redirect(url + "#wechat_redirect");
    }

    public async Task<IResult> CallbackAsync(string? code, string? state, CancellationToken cancellationToken)
    {
        if (await states.TakeAsync(state, cancellationToken).ConfigureAwait(false) is not { } login)
        {
            Log.BadState(logger, instanceName);
            return WeChatProblems.Invalid("invalid_state", "The state is unknown, expired or already used; start the login again.");
        }

        if (string.IsNullOrEmpty(code))
        {
            // The user refused the consent page: WeChat returns only the state.
            return Results.Redirect(QueryHelpers.AddQueryString(login.ReturnUrl, "error", "access_denied"));
        }

        try
        {
            var reply = await api.GetOAuthAccessTokenAsync(app.AppId, app.AppSecret, code, cancellationToken).ConfigureAwait(false);
            if (!reply.IsSuccess || string.IsNullOrEmpty(reply.OpenId))
            {
                Log.ExchangeRefused(logger, instanceName, reply.ErrCode);
                return WeChatProblems.From(new WeChatApiException("sns/oauth2/access_token", reply.ErrCode, reply.ErrMsg));
            }

            await authorizations.StoreAsync(reply, cancellationToken).ConfigureAwait(false);
            Log.Authorized(logger, instanceName, reply.Scope ?? login.Scope);
            return Results.Redirect(QueryHelpers.AddQueryString(login.ReturnUrl, handOff.Issue(reply.OpenId)));
        }
        catch (Exception ex) when (ex is HttpRequestException or WeChatPayReplyException)
        {
            Log.ExchangeFailed(logger, instanceName, ex.GetType().Name);
            return WeChatProblems.Unavailable("WeChat could not be reached to finish the login; start it again.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(30, LogLevel.Warning, "OAuth callback on {Instance} refused: unknown or used state.")]
        public static partial void BadState(ILogger logger, string instance);

        [LoggerMessage(31, LogLevel.Warning, "OAuth code exchange on {Instance} refused by WeChat: errcode {ErrCode}.")]
        public static partial void ExchangeRefused(ILogger logger, string instance, int errCode);

        [LoggerMessage(32, LogLevel.Warning, "OAuth code exchange on {Instance} failed: {ErrorType}.")]
        public static partial void ExchangeFailed(ILogger logger, string instance, string errorType);

        [LoggerMessage(33, LogLevel.Information, "OAuth login on {Instance} completed ({Scope}).")]
        public static partial void Authorized(ILogger logger, string instance, string scope);
    }
}
