using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gateway.Client.Webhooks;

/// <summary>
/// Checks a gateway webhook: <c>Gateway-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>,
/// one <c>v1</c> per secret the gateway signs with. The request is genuine when any <c>v1</c> matches any of
/// your secrets (compared in constant time) and <c>t</c> is within the tolerance of your clock, so a captured
/// request cannot be replayed later. Give it both secrets while one is rotated.
/// </summary>
public sealed class WebhookVerifier
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "Gateway-Signature";

    private readonly byte[][] _secrets;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    /// <param name="secrets">The secrets you accept (one, or two during a rotation).</param>
    /// <param name="tolerance">How far <c>t</c> may be from now; default 5 minutes.</param>
    /// <param name="time">The clock; the system clock by default.</param>
    public WebhookVerifier(IEnumerable<string> secrets, TimeSpan? tolerance = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(Encoding.UTF8.GetBytes).ToArray();
        if (_secrets.Length == 0)
        {
            throw new ArgumentException("At least one webhook secret is required.", nameof(secrets));
        }

        _tolerance = tolerance ?? TimeSpan.FromMinutes(5);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Verifies the raw body (exactly as received) against the <c>Gateway-Signature</c> header value.</summary>
    public WebhookVerification Verify(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (!TryParse(signatureHeader, out var timestamp, out var signatures))
        {
            return WebhookVerification.Malformed;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if (age.Duration() > _tolerance)
        {
            return WebhookVerification.Expired;
        }

        var message = new byte[Encoding.ASCII.GetByteCount(timestamp.ToString(CultureInfo.InvariantCulture)) + 1 + body.Length];
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        foreach (var secret in _secrets)
        {
            var expected = HMACSHA256.HashData(secret, message);
            if (signatures.Any(candidate => CryptographicOperations.FixedTimeEquals(expected, candidate)))
            {
                return WebhookVerification.Valid;
            }
        }

        return WebhookVerification.SignatureMismatch;
    }

    /// <summary>Verifies and parses: the event, or <see cref="WebhookVerificationException"/> saying why not.</summary>
    public WebhookEvent VerifyAndParse(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        var result = Verify(body, signatureHeader);
        if (result != WebhookVerification.Valid)
        {
            throw new WebhookVerificationException(result);
        }

        try
        {
            return JsonSerializer.Deserialize<WebhookEvent>(body, Client.GatewayClient.Json)
                ?? throw new WebhookVerificationException(WebhookVerification.Malformed);
        }
        catch (JsonException)
        {
            throw new WebhookVerificationException(WebhookVerification.Malformed);
        }
    }

    private static bool TryParse(string? header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        if (string.IsNullOrEmpty(header) || header.Length > 4096)
        {
            return false;
        }

        foreach (var part in header.Split(','))
        {
            var (name, value) = part.IndexOf('=') is var eq and > 0 ? (part[..eq].Trim(), part[(eq + 1)..].Trim()) : ("", "");
            if (name == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (name == "v1" && value.Length == 64 && value.All(char.IsAsciiHexDigit))
            {
                signatures.Add(Convert.FromHexString(value));
            }
        }

        return timestamp > 0 && signatures.Count > 0;
    }
}
