using System.Security.Cryptography;
using System.Text;

namespace Gateway.Sandbox.WeChatOpen;

/// <summary>
/// How the sandbox makes codes, tokens and openids. Tokens carry a recognisable <c>sbx_…_</c> prefix so a test can
/// scan any page or response for a leaked one without asking the sandbox for it.
/// </summary>
internal static class SandboxCredentials
{
    public const string AccessTokenPrefix = "sbx_at_";
    public const string WebAccessTokenPrefix = "sbx_wat_";
    public const string RefreshTokenPrefix = "sbx_rt_";
    public const string SessionKeyPrefix = "sbx_sk_";
    public const string TicketPrefix = "sbx_tk_";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(string prefix, int length = 32) => prefix + RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>A code as WeChat hands out (32 characters).</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, 32);

    /// <summary>A stable 28-character openid for a sandbox user under an app (openids differ per app, as at WeChat).</summary>
    public static string OpenIdFor(string appId, string user)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(appId + "\n" + user));
        return "o" + Convert.ToBase64String(hash).Replace('+', '-').Replace('/', '_')[..27];
    }
}
