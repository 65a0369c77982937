namespace Gateway.Plugins.WeChat.Common.Tokens;

/// <summary>The api.weixin.qq.com <c>errcode</c> values the plugins act on.</summary>
internal static class WeChatApiCodes
{
    /// <summary>System busy; retry.</summary>
    public const int Busy = -1;

    /// <summary>The access_token is invalid (e.g. superseded by a newer one).</summary>
    public const int InvalidCredential = 40001;

    /// <summary>The access_token is malformed.</summary>
    public const int InvalidAccessToken = 40014;

    /// <summary>Invalid code.</summary>
    public const int InvalidCode = 40029;

    /// <summary>The code has been used.</summary>
    public const int CodeUsed = 40163;

    /// <summary>High-risk user, blocked.</summary>
    public const int RiskyUser = 40226;

    /// <summary>The access_token expired.</summary>
    public const int AccessTokenExpired = 42001;

    /// <summary>The refresh_token expired.</summary>
    public const int RefreshTokenExpired = 42002;

    /// <summary>Rate limited (mini-program login: 100 per minute per user).</summary>
    public const int RateLimited = 45011;

    /// <summary>True when the base access_token used for a call must be thrown away and fetched again.</summary>
    public static bool IsStaleAccessToken(int errCode)
        => errCode is InvalidCredential or InvalidAccessToken or AccessTokenExpired;
}
