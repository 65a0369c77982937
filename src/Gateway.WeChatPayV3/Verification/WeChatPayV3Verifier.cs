using System.Globalization;
using Gateway.WeChatPayV3.Signing;

namespace Gateway.WeChatPayV3.Verification;

/// <summary>
/// Checks <c>Wechatpay-Signature</c> over <c>timestamp\nnonce\nbody\n</c> (the raw body bytes) with the key
/// <c>Wechatpay-Serial</c> names. Timestamps more than 5 minutes from now are refused, so a captured notify
/// cannot be replayed later. REF: docs/protocols.md §F.
/// </summary>
public sealed class WeChatPayV3Verifier(IPlatformKeySource keys, TimeProvider time)
{
    /// <summary>How far a timestamp may be from now.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly IPlatformKeySource _keys = keys ?? throw new ArgumentNullException(nameof(keys));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>Checks the headers against <paramref name="body"/>.</summary>
    public async ValueTask<SignatureCheck> VerifyAsync(WeChatPaySignatureHeaders? headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (headers is null)
        {
            return SignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(headers.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (_time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxClockSkew)
        {
            return SignatureCheck.StaleTimestamp;
        }

        var key = await _keys.FindAsync(headers.Serial, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return SignatureCheck.UnknownSerial;
        }

        var message = WeChatPayV3Signer.ReplyMessage(headers.Timestamp, headers.Nonce, body.Span);
        return WeChatPayV3Signer.Verify(key, message, headers.Signature) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }
}
