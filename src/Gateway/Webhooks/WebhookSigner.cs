using System.Security.Cryptography;
using System.Text;

namespace Gateway.Webhooks;

/// <summary>
/// <c>Gateway-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;body&gt;")&gt;</c>, one
/// <c>v1</c> per active secret so receivers keep verifying while a secret is rotated. The timestamp is
/// signed, so a receiver can refuse replays older than a few minutes.
/// </summary>
internal static class WebhookSigner
{
    public const string HeaderName = "Gateway-Signature";

    public static string Sign(string body, DateTimeOffset timestamp, IEnumerable<string> secrets)
    {
        var t = timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = Encoding.UTF8.GetBytes(t + "." + body);
        var signatures = secrets.Select(s => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(s), message)));
        return string.Join(",", signatures.Prepend("t=" + t));
    }
}
