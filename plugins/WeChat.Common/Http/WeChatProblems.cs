using Gateway.Plugins.WeChat.Common.Tokens;
using Microsoft.AspNetCore.Http;

namespace Gateway.Plugins.WeChat.Common.Http;

/// <summary>
/// The plugin routes' refusals: RFC 7807 problems with a stable <c>code</c> and, when WeChat refused, its
/// <c>errcode</c>. WeChat's message is passed on; it never holds a secret.
/// </summary>
internal static class WeChatProblems
{
    /// <summary>A problem with a stable code.</summary>
    public static IResult Problem(int status, string code, string detail, int? errCode = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errCode is { } value)
        {
            extensions["errcode"] = value;
        }

        return Results.Problem(detail: detail, statusCode: status, extensions: extensions);
    }

    /// <summary>The caller sent something unusable.</summary>
    public static IResult Invalid(string code, string detail) => Problem(StatusCodes.Status400BadRequest, code, detail);

    /// <summary>WeChat's refusal, mapped to what the caller can do about it.</summary>
    public static IResult From(WeChatApiException exception)
    {
        var (status, code) = exception.ErrCode switch
        {
            WeChatApiCodes.InvalidCode => (StatusCodes.Status400BadRequest, "invalid_code"),
            WeChatApiCodes.CodeUsed => (StatusCodes.Status400BadRequest, "code_used"),
            WeChatApiCodes.RiskyUser => (StatusCodes.Status403Forbidden, "user_blocked"),
            WeChatApiCodes.RateLimited => (StatusCodes.Status429TooManyRequests, "rate_limited"),
            WeChatApiCodes.Busy => (StatusCodes.Status503ServiceUnavailable, "wechat_busy"),
            // Bad app id/secret, quota exhausted, …: not the caller's fault, and not for the caller to fix.
            _ => (StatusCodes.Status502BadGateway, "wechat_error"),
        };
        return Problem(status, code, $"WeChat {exception.Operation} refused: {exception.ErrCode} {exception.ErrMsg}", exception.ErrCode);
    }

    /// <summary>WeChat could not be reached or answered something unreadable.</summary>
    public static IResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "wechat_unavailable", detail);
}
