using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.WeChat.Common.Http;
using Gateway.Plugins.WeChat.Common.Tokens;
using Gateway.WeChatPay;
using Gateway.WeChatPay.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.MiniProgram.Login;

/// <summary>
/// <c>POST login {"code": "…"}</c> with the code from <c>wx.login</c>: <c>sns/jscode2session</c> on the server, the
/// session_key kept in the cache, and <c>{ openId, sessionToken }</c> back, where sessionToken is the gateway's own
/// opaque token. WeChat's refusals come back as problems with <c>code</c> and <c>errcode</c> (400 invalid/used
/// code, 403 blocked user, 429 rate limit, 503 busy).
/// REF: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
/// </summary>
internal sealed partial class LoginEndpoint(WeChatAppSettings app, WeChatOpenApiClient api, MiniProgramSessions sessions, ILogger logger, string instanceName)
{
    private const int MaxCodeLength = 128;

    public void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/login", (LoginBody? body, CancellationToken cancellationToken) => LoginAsync(body?.Code, cancellationToken));

    public async Task<IResult> LoginAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength)
        {
            return WeChatProblems.Invalid("invalid_request", "code is required: the code from wx.login.");
        }

        try
        {
            var reply = await api.Code2SessionAsync(app.AppId, app.AppSecret, code, cancellationToken).ConfigureAwait(false);
            if (!reply.IsSuccess || string.IsNullOrEmpty(reply.OpenId) || string.IsNullOrEmpty(reply.SessionKey))
            {
                Log.LoginRefused(logger, instanceName, reply.ErrCode);
                return WeChatProblems.From(new WeChatApiException("sns/jscode2session", reply.ErrCode, reply.ErrMsg));
            }

            var token = await sessions.StartAsync(reply.OpenId, reply.SessionKey, reply.UnionId, cancellationToken).ConfigureAwait(false);
            return Results.Json(new LoginResult(reply.OpenId, token));
        }
        catch (Exception ex) when (ex is HttpRequestException or WeChatPayReplyException)
        {
            Log.LoginFailed(logger, instanceName, ex.GetType().Name);
            return WeChatProblems.Unavailable("WeChat could not be reached; call wx.login again and retry.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(50, LogLevel.Information, "Mini-program login on {Instance} refused by WeChat: errcode {ErrCode}.")]
        public static partial void LoginRefused(ILogger logger, string instance, int errCode);

        [LoggerMessage(51, LogLevel.Warning, "Mini-program login on {Instance} failed: {ErrorType}.")]
        public static partial void LoginFailed(ILogger logger, string instance, string errorType);
    }
}

/// <summary>The login request.</summary>
internal sealed record LoginBody(string? Code);

/// <summary>The login answer: the openid to pay with and the gateway's session token (never the session_key).</summary>
internal sealed record LoginResult(string OpenId, string SessionToken);
