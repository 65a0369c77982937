using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Sandbox.WeChatOpen;

/// <summary>
/// The simulated open platform under <c>{prefix}/wechat</c>, on WeChat's own paths (a plugin only changes its base
/// URLs): <c>connect/oauth2/authorize</c>, <c>sns/oauth2/access_token</c>, <c>sns/oauth2/refresh_token</c>,
/// <c>cgi-bin/token</c>, <c>cgi-bin/ticket/getticket</c>, <c>sns/jscode2session</c>; plus sandbox-only helpers
/// <c>POST miniprogram/code</c> (mint a wx.login code) and <c>GET stats</c> (calls per endpoint and app id).
/// </summary>
internal static class OpenApiEndpoints
{
    public static void Map(IEndpointRouteBuilder wechat)
    {
        wechat.MapGet("/connect/oauth2/authorize", Authorize);
        wechat.MapGet("/sns/oauth2/access_token", OAuthAccessToken);
        wechat.MapGet("/sns/oauth2/refresh_token", OAuthRefreshToken);
        wechat.MapGet("/cgi-bin/token", CgiBinToken);
        wechat.MapGet("/cgi-bin/ticket/getticket", GetTicket);
        wechat.MapGet("/sns/jscode2session", JsCode2Session);
        wechat.MapPost("/miniprogram/code", MintLoginCode);
        wechat.MapGet("/stats", (OpenPlatformSimulator sim) => Results.Json(sim.Stats()));
    }

    /// <summary>
    /// The user opens the authorize page and (silently for snsapi_base, after consenting for snsapi_userinfo)
    /// is sent back to redirect_uri with code and state. Sandbox extras: <c>sandbox_user</c> picks the test user,
    /// <c>sandbox_deny=1</c> plays a user refusing consent (only state comes back).
    /// </summary>
    private static IResult Authorize(HttpRequest request, OpenPlatformSimulator sim)
    {
        var q = request.Query;
        string? appId = q["appid"], redirectUri = q["redirect_uri"], scope = q["scope"], state = q["state"];
        sim.Count("connect/oauth2/authorize", appId);
        if (sim.CheckApp(appId, null) is not 0 and var err)
        {
            // WeChat shows an error page ("appid参数错误") rather than redirecting.
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"{err} {OpenApiErrors.Message(err)}",
                extensions: new Dictionary<string, object?> { ["errcode"] = err });
        }

        if (q["response_type"] != "code" || scope is not ("snsapi_base" or "snsapi_userinfo")
            || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var target) || (target.Scheme != "http" && target.Scheme != "https"))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "redirect_uri, response_type=code and scope are required.");
        }

        if (sim.CheckRedirect(appId!, target, state) is { } refusal)
        {
            return refusal;
        }

        var back = new Dictionary<string, string?>();
        if (q["sandbox_deny"] != "1")
        {
            var user = string.IsNullOrEmpty(q["sandbox_user"]) ? "sandbox-user" : q["sandbox_user"].ToString();
            back["code"] = sim.IssueCode(CodeKind.OAuth, appId!, SandboxCredentials.OpenIdFor(appId!, user), scope);
        }

        back["state"] = state;
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri!, back));
    }

    private static IResult OAuthAccessToken(HttpRequest request, OpenPlatformSimulator sim)
    {
        var q = request.Query;
        string? appId = q["appid"];
        sim.Count("sns/oauth2/access_token", appId);
        if (sim.CheckApp(appId, q["secret"].ToString()) is not 0 and var err)
        {
            return OpenApiErrors.Error(err);
        }

        if (q["grant_type"] != "authorization_code")
        {
            return OpenApiErrors.Error(OpenApiErrors.InvalidGrantType);
        }

        var (codeErr, grant) = sim.UseCode(CodeKind.OAuth, appId!, q["code"]);
        return grant is null ? OpenApiErrors.Error(codeErr) : Results.Json(sim.IssueWebTokens(appId!, grant.OpenId, grant.Scope));
    }

    private static IResult OAuthRefreshToken(HttpRequest request, OpenPlatformSimulator sim)
    {
        var q = request.Query;
        string? appId = q["appid"];
        sim.Count("sns/oauth2/refresh_token", appId);
        if (sim.CheckApp(appId, null) is not 0 and var err)
        {
            return OpenApiErrors.Error(err);
        }

        if (q["grant_type"] != "refresh_token")
        {
            return OpenApiErrors.Error(OpenApiErrors.InvalidGrantType);
        }

        var (refreshErr, reply) = sim.RefreshWebToken(appId!, q["refresh_token"]);
        return reply is null ? OpenApiErrors.Error(refreshErr) : Results.Json(reply);
    }

    private static IResult CgiBinToken(HttpRequest request, OpenPlatformSimulator sim)
    {
        var q = request.Query;
        string? appId = q["appid"];
        sim.Count("cgi-bin/token", appId);
        if (q["grant_type"] != "client_credential")
        {
            return OpenApiErrors.Error(OpenApiErrors.InvalidGrantType);
        }

        return sim.CheckApp(appId, q["secret"].ToString()) is not 0 and var err
            ? OpenApiErrors.Error(err)
            : Results.Json(sim.IssueAccessToken(appId!));
    }

    private static IResult GetTicket(HttpRequest request, OpenPlatformSimulator sim)
    {
        var (err, appId) = sim.CheckAccessToken(request.Query["access_token"]);
        sim.Count("cgi-bin/ticket/getticket", appId);
        if (err != 0)
        {
            return OpenApiErrors.Error(err);
        }

        return request.Query["type"] == "jsapi" ? Results.Json(sim.IssueTicket()) : OpenApiErrors.Error(OpenApiErrors.InvalidGrantType);
    }

    private static IResult JsCode2Session(HttpRequest request, OpenPlatformSimulator sim)
    {
        var q = request.Query;
        string? appId = q["appid"];
        sim.Count("sns/jscode2session", appId);
        if (sim.CheckApp(appId, q["secret"].ToString()) is not 0 and var err)
        {
            return OpenApiErrors.Error(err);
        }

        if (q["grant_type"] != "authorization_code")
        {
            return OpenApiErrors.Error(OpenApiErrors.InvalidGrantType);
        }

        var (codeErr, grant) = sim.UseCode(CodeKind.MiniProgramLogin, appId!, q["js_code"]);
        return grant is null
            ? OpenApiErrors.Error(codeErr)
            : Results.Json(new Dictionary<string, object>
            {
                ["openid"] = grant.OpenId,
                ["session_key"] = SandboxCredentials.New(SandboxCredentials.SessionKeyPrefix, 24),
            });
    }

    /// <summary>
    /// Plays <c>wx.login</c> in a mini program: a code for <c>openId</c> (or the test user). <c>errcode</c> makes the
    /// code's use fail with that WeChat code (45011, -1, 40226 …) to exercise error handling.
    /// </summary>
    private static IResult MintLoginCode(MintCodeRequest? body, OpenPlatformSimulator sim)
    {
        if (body?.AppId is not { Length: > 0 } appId || sim.CheckApp(appId, null) != 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "appId must be a configured sandbox app.",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid_app" });
        }

        var openId = string.IsNullOrEmpty(body.OpenId) ? SandboxCredentials.OpenIdFor(appId, "sandbox-user") : body.OpenId;
        return Results.Json(new { code = sim.IssueCode(CodeKind.MiniProgramLogin, appId, openId, "", body.ErrCode ?? 0), openId });
    }
}

/// <summary>Body of <c>POST …/wechat/miniprogram/code</c>.</summary>
internal sealed record MintCodeRequest(string? AppId, string? OpenId, int? ErrCode);
