using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatOpen;

/// <summary>
/// The state of the simulated open platform: codes (single use, expiring), base access tokens (a new one
/// supersedes the old after an overlap), tickets, web tokens and refresh tokens, and a count of calls per
/// endpoint and app id. Each operation answers WeChat's reply fields, or WeChat's errcode.
/// </summary>
internal sealed class OpenPlatformSimulator(IOptions<WeChatOpenSandboxOptions> options, TimeProvider time, IssuedOpenIds openIds)
{
    private readonly object _sync = new();
    private readonly Dictionary<string, CodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _webTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Endpoint, string AppId), int> _calls = new();

    private WeChatOpenSandboxOptions Options => options.Value;

    public void Count(string endpoint, string? appId) => _calls.AddOrUpdate((endpoint, appId ?? "?"), 1, (_, n) => n + 1);

    /// <summary>Calls per endpoint, then per app id.</summary>
    public Dictionary<string, Dictionary<string, int>> Stats()
        => _calls.GroupBy(c => c.Key.Endpoint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Key.AppId, c => c.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    public int CheckApp(string? appId, string? secret)
    {
        if (string.IsNullOrEmpty(appId))
        {
            return OpenApiErrors.MissingAppId;
        }

        var app = Options.Apps.FirstOrDefault(a => a.AppId == appId);
        if (app is null)
        {
            return OpenApiErrors.InvalidAppId;
        }

        return secret is null || secret == app.AppSecret ? 0 : OpenApiErrors.InvalidAppSecret;
    }

    /// <summary>
    /// The authorize page's checks of where the user goes back to: the redirect host must be the app's configured
    /// OAuth domain (WeChat: "redirect_uri域名与后台配置不一致", 10003), and <c>state</c> at most 128 bytes of
    /// <c>[a-zA-Z0-9]</c> as documented (the error page WeChat shows for a bad state is inferred).
    /// </summary>
    public Microsoft.AspNetCore.Http.IResult? CheckRedirect(string appId, Uri redirect, string? state)
    {
        var domain = Options.Apps.First(a => a.AppId == appId).OAuthDomain;
        if (string.IsNullOrEmpty(domain) || !string.Equals(redirect.Host, domain, StringComparison.OrdinalIgnoreCase))
        {
            return OpenApiErrors.Page(OpenApiErrors.RedirectDomainMismatch);
        }

        return state is { Length: > 0 } && (state.Length > 128 || !state.All(char.IsAsciiLetterOrDigit))
            ? OpenApiErrors.Page(OpenApiErrors.InvalidState)
            : null;
    }

    /// <summary>Issues a single-use code for a user (OAuth2 authorize or wx.login); <paramref name="failWith"/> makes its use fail with that errcode.</summary>
    public string IssueCode(CodeKind kind, string appId, string openId, string scope, int failWith = 0)
    {
        var code = SandboxCredentials.NewCode();
        openIds.Record(appId, openId);
        lock (_sync)
        {
            _codes[code] = new CodeGrant(kind, appId, openId, scope, time.GetUtcNow() + Options.CodeLifetime, failWith);
        }

        return code;
    }

    /// <summary>Uses a code: 40029 when unknown, of another app or kind, or expired; 40163 when already used.</summary>
    public (int ErrCode, CodeGrant? Grant) UseCode(CodeKind kind, string appId, string? code)
    {
        lock (_sync)
        {
            if (string.IsNullOrEmpty(code) || !_codes.TryGetValue(code, out var grant) || grant.Kind != kind || grant.AppId != appId
                || grant.ExpiresAt <= time.GetUtcNow())
            {
                return (OpenApiErrors.InvalidCode, null);
            }

            if (grant.Used)
            {
                return (OpenApiErrors.CodeUsed, null);
            }

            grant.Used = true;
            return grant.FailWith != 0 ? (grant.FailWith, null) : (0, grant);
        }
    }

    public Dictionary<string, object> IssueAccessToken(string appId)
    {
        var now = time.GetUtcNow();
        var token = SandboxCredentials.New(SandboxCredentials.AccessTokenPrefix);
        lock (_sync)
        {
            // A new token supersedes the app's earlier ones; they keep working only for the overlap.
            foreach (var (key, grant) in _accessTokens.Where(t => t.Value.AppId == appId).ToList())
            {
                _accessTokens[key] = grant with { ExpiresAt = Min(grant.ExpiresAt, now + Options.AccessTokenOverlap), Superseded = true };
            }

            _accessTokens[token] = new Grant(appId, "", "", now + Options.AccessTokenLifetime);
        }

        return new() { ["access_token"] = token, ["expires_in"] = Seconds(Options.AccessTokenLifetime) };
    }

    /// <summary>The app of a valid base access token, or 40001 (unknown or superseded) / 42001 (expired).</summary>
    public (int ErrCode, string? AppId) CheckAccessToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (OpenApiErrors.MissingAccessToken, null);
        }

        lock (_sync)
        {
            if (!_accessTokens.TryGetValue(token, out var grant))
            {
                return (OpenApiErrors.InvalidCredential, null);
            }

            if (grant.ExpiresAt <= time.GetUtcNow())
            {
                return (grant.Superseded ? OpenApiErrors.InvalidCredential : OpenApiErrors.AccessTokenExpired, grant.AppId);
            }

            return (0, grant.AppId);
        }
    }

    public Dictionary<string, object> IssueTicket() => new()
    {
        ["errcode"] = 0, ["errmsg"] = "ok",
        ["ticket"] = SandboxCredentials.New(SandboxCredentials.TicketPrefix, 86),
        ["expires_in"] = Seconds(Options.JsapiTicketLifetime),
    };

    public Dictionary<string, object> IssueWebTokens(string appId, string openId, string scope)
    {
        var now = time.GetUtcNow();
        var access = SandboxCredentials.New(SandboxCredentials.WebAccessTokenPrefix);
        var refresh = SandboxCredentials.New(SandboxCredentials.RefreshTokenPrefix);
        lock (_sync)
        {
            _webTokens[access] = new Grant(appId, openId, scope, now + Options.OAuthAccessTokenLifetime);
            _refreshTokens[refresh] = new Grant(appId, openId, scope, now + Options.RefreshTokenLifetime);
        }

        return WebTokenReply(access, refresh, openId, scope);
    }

    /// <summary><c>sns/oauth2/refresh_token</c>: a new web access token; the refresh token stays (and keeps its 30 days).</summary>
    public (int ErrCode, Dictionary<string, object>? Reply) RefreshWebToken(string appId, string? refreshToken)
    {
        var now = time.GetUtcNow();
        lock (_sync)
        {
            if (string.IsNullOrEmpty(refreshToken) || !_refreshTokens.TryGetValue(refreshToken, out var grant) || grant.AppId != appId)
            {
                return (OpenApiErrors.InvalidRefreshToken, null);
            }

            if (grant.ExpiresAt <= now)
            {
                return (OpenApiErrors.RefreshTokenExpired, null);
            }

            var access = SandboxCredentials.New(SandboxCredentials.WebAccessTokenPrefix);
            _webTokens[access] = grant with { ExpiresAt = now + Options.OAuthAccessTokenLifetime };
            return (0, WebTokenReply(access, refreshToken, grant.OpenId, grant.Scope));
        }
    }

    private Dictionary<string, object> WebTokenReply(string access, string refresh, string openId, string scope) => new()
    {
        ["access_token"] = access, ["expires_in"] = Seconds(Options.OAuthAccessTokenLifetime),
        ["refresh_token"] = refresh, ["openid"] = openId, ["scope"] = scope,
    };

    private static int Seconds(TimeSpan lifetime) => Math.Max(1, (int)Math.Round(lifetime.TotalSeconds));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>A token or refresh token's owner and expiry.</summary>
    private sealed record Grant(string AppId, string OpenId, string Scope, DateTimeOffset ExpiresAt, bool Superseded = false);
}

/// <summary>Which flow a code belongs to.</summary>
internal enum CodeKind
{
    OAuth,
    MiniProgramLogin,
}

/// <summary>An issued code.</summary>
internal sealed class CodeGrant(CodeKind kind, string appId, string openId, string scope, DateTimeOffset expiresAt, int failWith)
{
    public CodeKind Kind { get; } = kind;
    public string AppId { get; } = appId;
    public string OpenId { get; } = openId;
    public string Scope { get; } = scope;
    public DateTimeOffset ExpiresAt { get; } = expiresAt;
    public int FailWith { get; } = failWith;
    public bool Used { get; set; }
}
