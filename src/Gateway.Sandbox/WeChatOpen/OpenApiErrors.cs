using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.WeChatOpen;

/// <summary>WeChat's own errcodes and texts, answered like WeChat does: HTTP 200 with <c>{errcode, errmsg}</c>.</summary>
internal static class OpenApiErrors
{
    public const int Busy = -1;
    public const int InvalidCredential = 40001;
    public const int InvalidGrantType = 40002;
    public const int InvalidAppId = 40013;
    public const int InvalidAccessToken = 40014;
    public const int InvalidCode = 40029;
    public const int InvalidRefreshToken = 40030;
    public const int InvalidAppSecret = 40125;
    public const int CodeUsed = 40163;
    public const int RiskyUser = 40226;
    public const int MissingAccessToken = 41001;
    public const int MissingAppId = 41002;
    public const int AccessTokenExpired = 42001;
    public const int RefreshTokenExpired = 42002;
    public const int RateLimited = 45011;

    /// <summary>Shown on the authorize page, not answered as JSON: the redirect_uri is not on the configured domain.</summary>
    public const int RedirectDomainMismatch = 10003;

    /// <summary>The sandbox's own number for a state that breaks the documented rule (WeChat publishes none).</summary>
    public const int InvalidState = 10099;

    /// <summary>The authorize page's error page: WeChat does not redirect, it shows the code and text.</summary>
    public static IResult Page(int errCode) => Results.Problem(statusCode: StatusCodes.Status400BadRequest,
        detail: $"{errCode} {Message(errCode)}", extensions: new Dictionary<string, object?> { ["errcode"] = errCode });

    public static IResult Error(int errCode) => Results.Json(new Dictionary<string, object> { ["errcode"] = errCode, ["errmsg"] = Message(errCode) });

    public static string Message(int errCode) => errCode switch
    {
        Busy => "system error",
        InvalidCredential => "invalid credential, access_token is invalid or not latest",
        InvalidGrantType => "invalid grant_type",
        InvalidAppId => "invalid appid",
        InvalidAccessToken => "invalid access_token",
        InvalidCode => "invalid code",
        InvalidRefreshToken => "invalid refresh_token",
        InvalidAppSecret => "invalid appsecret",
        CodeUsed => "code been used",
        RiskyUser => "risky user",
        MissingAccessToken => "access_token missing",
        MissingAppId => "appid missing",
        AccessTokenExpired => "access_token expired",
        RefreshTokenExpired => "refresh_token expired",
        RateLimited => "reach max api minute limit",
        RedirectDomainMismatch => "redirect_uri域名与后台配置不一致",
        InvalidState => "state参数错误：最多128字节的a-zA-Z0-9",
        _ => "error",
    };
}
