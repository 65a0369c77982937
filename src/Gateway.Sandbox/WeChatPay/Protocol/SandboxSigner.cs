using System.Security.Cryptography;
using System.Text;
using Gateway.WeChatPay.Signing;

namespace Gateway.Sandbox.WeChatPay.Protocol;

/// <summary>
/// The sandbox's own v2 signer (docs/protocols.md A), written apart from the gateway's <c>WeChatSigner</c> on
/// purpose: the sandbox judges the gateway's signatures, so a bug shared by both would go unseen. Both are
/// held to the official worked example in their tests. Like WeChat, a sign is upper-case hex and is compared
/// exactly: a lower-case sign is a wrong sign.
/// </summary>
internal static class SandboxSigner
{
    public const string SignField = "sign";
    public const string SignTypeField = "sign_type";

    /// <summary>stringA + <c>&amp;key=</c> + key, hashed with MD5 or HMAC-SHA256 (keyed with the same key), as upper-case hex.</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string apiKey, WeChatSignType signType)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (name != SignField && value.Length > 0)
            {
                sorted[name] = value;
            }
        }

        var signed = new StringBuilder();
        foreach (var (name, value) in sorted)
        {
            signed.Append(name).Append('=').Append(value).Append('&');
        }

        signed.Append("key=").Append(apiKey);
        var message = Encoding.UTF8.GetBytes(signed.ToString());
        var digest = signType == WeChatSignType.HmacSha256
            ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), message)
            : MD5.HashData(message);
        return UpperHex(digest);
    }

    /// <summary>True when <c>sign</c> is exactly the sign of the other fields under <paramref name="signType"/>.</summary>
    public static bool Verify(IReadOnlyDictionary<string, string> fields, string apiKey, WeChatSignType signType) =>
        fields.TryGetValue(SignField, out var received) && Matches(Sign(fields, apiKey, signType), received);

    /// <summary>
    /// Verifies a message that may omit <c>sign_type</c> (a merchant's reply, a product link): the declared type
    /// decides, else a 64-character sign is HMAC-SHA256 and a 32-character one MD5.
    /// </summary>
    public static bool VerifyAnyType(IReadOnlyDictionary<string, string> fields, string apiKey)
    {
        if (!fields.TryGetValue(SignField, out var received))
        {
            return false;
        }

        var declared = fields.GetValueOrDefault(SignTypeField, "");
        WeChatSignType type;
        if (declared.Length > 0)
        {
            if (!WeChatSignTypes.TryParse(declared, out type))
            {
                return false;
            }
        }
        else
        {
            type = received.Length == 64 ? WeChatSignType.HmacSha256 : WeChatSignType.Md5;
        }

        return Verify(fields, apiKey, type);
    }

    /// <summary>Exact, constant-time comparison of two signs (case matters).</summary>
    public static bool Matches(string expected, string received) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received));

    private static string UpperHex(byte[] digest)
    {
        const string Digits = "0123456789ABCDEF";
        var text = new char[digest.Length * 2];
        for (var i = 0; i < digest.Length; i++)
        {
            text[2 * i] = Digits[digest[i] >> 4];
            text[(2 * i) + 1] = Digits[digest[i] & 0xF];
        }

        return new string(text);
    }
}
