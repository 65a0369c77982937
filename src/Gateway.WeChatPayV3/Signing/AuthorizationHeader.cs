using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.WeChatPayV3.Signing;

/// <summary>
/// The request credentials: <c>Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"</c>.
/// The five pairs may come in any order. <c>serial_no</c> is the merchant API certificate's serial.
/// </summary>
public sealed partial record AuthorizationHeader(string MchId, string NonceStr, string Signature, long Timestamp, string SerialNo)
{
    /// <summary>The header value, scheme included.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{WeChatPayV3Signer.Scheme} mchid=\"{MchId}\",nonce_str=\"{NonceStr}\",signature=\"{Signature}\",timestamp=\"{Timestamp}\",serial_no=\"{SerialNo}\"");

    /// <summary>Parses a header value; false when the scheme, a pair or the timestamp is missing or malformed.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out AuthorizationHeader? header)
    {
        header = null;
        var prefix = WeChatPayV3Signer.Scheme + " ";
        if (value is null || !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in value[prefix.Length..].Split(','))
        {
            var match = Pair().Match(part.Trim());
            if (!match.Success || !pairs.TryAdd(match.Groups[1].Value, match.Groups[2].Value))
            {
                return false;
            }
        }

        if (pairs.Count != 5
            || !pairs.TryGetValue("mchid", out var mchId) || !pairs.TryGetValue("nonce_str", out var nonce)
            || !pairs.TryGetValue("signature", out var signature) || !pairs.TryGetValue("serial_no", out var serial)
            || !pairs.TryGetValue("timestamp", out var timestampText)
            || !long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        header = new AuthorizationHeader(mchId, nonce, signature, timestamp, serial);
        return true;
    }

    [GeneratedRegex("^([a-z_]+)=\"([^\"]*)\"$")]
    private static partial Regex Pair();
}
