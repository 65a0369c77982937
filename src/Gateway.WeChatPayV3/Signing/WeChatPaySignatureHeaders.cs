using System.Diagnostics.CodeAnalysis;

namespace Gateway.WeChatPayV3.Signing;

/// <summary>
/// The headers WeChat Pay signs its replies and notifies with. <c>Wechatpay-Serial</c> names the key: a platform
/// certificate serial (40 hex, any case) or a public-key id <c>PUB_KEY_ID_…</c>.
/// </summary>
public sealed record WeChatPaySignatureHeaders(string Timestamp, string Nonce, string Signature, string Serial)
{
    /// <summary><c>Wechatpay-Timestamp</c>: Unix seconds.</summary>
    public const string TimestampName = "Wechatpay-Timestamp";

    /// <summary><c>Wechatpay-Nonce</c>.</summary>
    public const string NonceName = "Wechatpay-Nonce";

    /// <summary><c>Wechatpay-Signature</c>: Base64.</summary>
    public const string SignatureName = "Wechatpay-Signature";

    /// <summary><c>Wechatpay-Serial</c>.</summary>
    public const string SerialName = "Wechatpay-Serial";

    /// <summary><c>Wechatpay-Signature-Type</c>: <c>WECHATPAY2-SHA256-RSA2048</c> when present.</summary>
    public const string SignatureTypeName = "Wechatpay-Signature-Type";

    /// <summary>Reads the four headers (names compared case-insensitively); false when one is missing or empty,
    /// or when <c>Wechatpay-Signature-Type</c> names another algorithm.</summary>
    public static bool TryRead(Func<string, string?> header, [NotNullWhen(true)] out WeChatPaySignatureHeaders? headers)
    {
        ArgumentNullException.ThrowIfNull(header);
        headers = null;
        if (header(SignatureTypeName) is { Length: > 0 } type && type != WeChatPayV3Signer.Scheme)
        {
            return false;
        }

        if (header(TimestampName) is not { Length: > 0 } timestamp || header(NonceName) is not { Length: > 0 } nonce
            || header(SignatureName) is not { Length: > 0 } signature || header(SerialName) is not { Length: > 0 } serial)
        {
            return false;
        }

        headers = new WeChatPaySignatureHeaders(timestamp, nonce, signature, serial);
        return true;
    }

    /// <summary>Reads the headers from a dictionary of received headers; false when a name comes twice in different case.</summary>
    public static bool TryRead(IReadOnlyDictionary<string, string> received, [NotNullWhen(true)] out WeChatPaySignatureHeaders? headers)
    {
        ArgumentNullException.ThrowIfNull(received);
        headers = null;
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in received)
        {
            // A case-sensitive dictionary may hold "Wechatpay-Nonce" and "wechatpay-nonce": ambiguous, so refused
            // (copying it into a case-insensitive one threw ArgumentException; found writing the v3-notify fuzz target).
            if (!byName.TryAdd(name, value))
            {
                return false;
            }
        }

        return TryRead(name => byName.GetValueOrDefault(name), out headers);
    }
}
