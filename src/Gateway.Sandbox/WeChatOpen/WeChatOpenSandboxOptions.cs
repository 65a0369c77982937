namespace Gateway.Sandbox.WeChatOpen;

/// <summary>
/// Settings of the simulated api.weixin.qq.com / open.weixin.qq.com (OAuth2, base access_token, jsapi_ticket,
/// mini-program login), bound from the sandbox section's <c>WeChat</c> child. Lifetimes are configurable so
/// tests can make tokens expire in seconds.
/// </summary>
public sealed class WeChatOpenSandboxOptions
{
    /// <summary>The configuration key of this section below the sandbox section.</summary>
    public const string SectionName = "WeChat";

    /// <summary>The apps (official accounts and mini programs) the sandbox knows; others get 40013.</summary>
    public List<WeChatOpenSandboxAppOptions> Apps { get; set; } = [];

    /// <summary>Lifetime of a base access_token (<c>cgi-bin/token</c>); WeChat: 7200 s.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a superseded base access_token keeps working; WeChat: about 5 minutes.</summary>
    public TimeSpan AccessTokenOverlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of a jsapi_ticket; WeChat: 7200 s.</summary>
    public TimeSpan JsapiTicketLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Lifetime of a web (OAuth2) access_token; WeChat: 7200 s.</summary>
    public TimeSpan OAuthAccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Lifetime of an OAuth2 refresh_token; WeChat: 30 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Lifetime of an unused OAuth2 or wx.login code; WeChat: 5 minutes.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>One simulated app.</summary>
public sealed class WeChatOpenSandboxAppOptions
{
    /// <summary>The app id.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app secret the gateway must present.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>
    /// The web authorization domain (网页授权域名) set for the official account: OAuth2 sends the user back only to a
    /// <c>redirect_uri</c> on exactly this host, and refuses any other (errcode 10003). Unset refuses every redirect.
    /// </summary>
    public string? OAuthDomain { get; set; }
}
