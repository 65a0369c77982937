using System.Security.Cryptography;
using System.Text;

namespace Gateway.WeChatPay.Signing;

/// <summary>
/// WeChat Pay v2 signatures: drop empty values and <c>sign</c>, sort names in byte order, join raw
/// <c>k=v</c> pairs with <c>&amp;</c>, append <c>&amp;key=API key</c>, then MD5 or HMAC-SHA256 (keyed with the
/// same API key) as upper-case hex. REF: https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=4_3
/// </summary>
public static class WeChatSigner
{
    /// <summary>The field that carries the signature; never part of what is signed.</summary>
    public const string SignField = "sign";

    /// <summary>The field that selects the algorithm; signed like any other field.</summary>
    public const string SignTypeField = "sign_type";

    /// <summary>Builds the string that is hashed: <c>stringA&amp;key=…</c>.</summary>
    public static string BuildSignString(IEnumerable<KeyValuePair<string, string>> fields, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);

        var signed = fields
            .Where(f => f.Key != SignField && !string.IsNullOrEmpty(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal);

        var builder = new StringBuilder(256);
        foreach (var (name, value) in signed)
        {
            builder.Append(name).Append('=').Append(value).Append('&');
        }

        return builder.Append("key=").Append(apiKey).ToString();
    }

    /// <summary>Signs <paramref name="fields"/> with <paramref name="apiKey"/>.</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string apiKey, WeChatSignType signType)
    {
        var message = Encoding.UTF8.GetBytes(BuildSignString(fields, apiKey));
        var hash = signType == WeChatSignType.HmacSha256
            ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), message)
            : MD5.HashData(message);
        return Convert.ToHexString(hash);
    }

    /// <summary>
    /// Verifies the <c>sign</c> field over every other field, including ones this code does not know
    /// (WeChat adds fields without notice), with the algorithm the merchant account is set up for: a
    /// <c>sign_type</c>, when sent, must name that same algorithm, and the sign must be exactly the upper-case
    /// hex WeChat sends (constant-time). Never guessed from the sign's length: that would let an MD5 sign
    /// through an HMAC-SHA256 account.
    /// </summary>
    public static bool Verify(IReadOnlyDictionary<string, string> fields, string apiKey, WeChatSignType signType)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!fields.TryGetValue(SignField, out var received) || string.IsNullOrEmpty(received))
        {
            return false;
        }

        if (fields.TryGetValue(SignTypeField, out var declared) && !string.IsNullOrEmpty(declared)
            && (!WeChatSignTypes.TryParse(declared, out var declaredType) || declaredType != signType))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(fields, apiKey, signType)), Encoding.ASCII.GetBytes(received));
    }

    /// <summary>
    /// Verifies where the algorithm is not fixed in advance (the sandbox's view of a merchant that may use
    /// either): from <c>sign_type</c>, else MD5 for a 32-character sign and HMAC-SHA256 for a 64-character one.
    /// Prefer <see cref="Verify(IReadOnlyDictionary{string, string}, string, WeChatSignType)"/> when the account's algorithm is known.
    /// </summary>
    public static bool Verify(IReadOnlyDictionary<string, string> fields, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!fields.TryGetValue(SignField, out var received) || string.IsNullOrEmpty(received))
        {
            return false;
        }

        WeChatSignType signType;
        if (fields.TryGetValue(SignTypeField, out var declared) && !string.IsNullOrEmpty(declared))
        {
            if (!WeChatSignTypes.TryParse(declared, out signType))
            {
                return false;
            }
        }
        else
        {
            signType = received.Length == 64 ? WeChatSignType.HmacSha256 : WeChatSignType.Md5;
        }

        return Verify(fields, apiKey, signType);
    }

    /// <summary>Compares two ASCII hex strings in constant time, ignoring case.</summary>
    public static bool FixedTimeEqualsIgnoreCase(string expected, string actual)
    {
        var left = Encoding.ASCII.GetBytes(expected.ToUpperInvariant());
        var right = Encoding.ASCII.GetBytes(actual.ToUpperInvariant());
        return CryptographicOperations.FixedTimeEquals(left, right);
    }
}
