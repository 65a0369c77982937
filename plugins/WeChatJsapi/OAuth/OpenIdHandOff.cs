using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Plugins.WeChatJsapi.OAuth;

/// <summary>
/// What the merchant's page receives after a login: <c>openid</c>, <c>expires</c> (unix seconds) and
/// <c>signature</c> = lower-case hex HMAC-SHA256(<c>HandOffSecret</c>, "&lt;openid&gt;.&lt;expires&gt;"). The merchant's
/// server recomputes it with the secret it shares with this instance, compares in constant time and refuses
/// an expired one, so a forged <c>?openid=</c> in a URL gets nowhere.
/// </summary>
internal sealed class OpenIdHandOff(string secret, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public Dictionary<string, string?> Issue(string openId)
    {
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string?> { ["openid"] = openId, ["expires"] = expires, ["signature"] = Sign(secret, openId, expires) };
    }

    public static string Sign(string secret, string openId, string expires)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(openId + "." + expires)));
}
