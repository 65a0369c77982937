using System.Security.Cryptography;
using System.Text;
using Gateway.Store;
using Microsoft.Extensions.Options;

namespace Gateway.Checkout;

/// <summary>
/// The <c>t</c> of a checkout link: an HMAC-SHA256 (truncated to 128 bits) over the payment id and its expiry,
/// so a link opens exactly one payment and stops working <see cref="CheckoutOptions.LinkGraceSeconds"/> after it
/// expires. Nothing is stored: the token is checked by signing again.
/// </summary>
internal sealed class CheckoutTokens
{
    private readonly byte[] _key;
    private readonly TimeSpan _grace;
    private readonly TimeProvider _time;

    public CheckoutTokens(IOptions<CheckoutOptions> options, TimeProvider time)
    {
        var key = options.Value.TokenKey;
        _key = string.IsNullOrEmpty(key) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(key);
        _grace = TimeSpan.FromSeconds(options.Value.LinkGraceSeconds);
        _time = time;
    }

    public string Issue(PaymentRecord payment)
    {
        var message = Encoding.UTF8.GetBytes($"checkout:{payment.Id}:{payment.ExpiresAt.ToUnixTimeMilliseconds()}");
        return Base64Url(HMACSHA256.HashData(_key, message).AsSpan(0, 16));
    }

    /// <summary>True when <paramref name="token"/> was issued for <paramref name="payment"/> and the link has not run out.</summary>
    public bool IsValid(PaymentRecord payment, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64 || _time.GetUtcNow() > payment.ExpiresAt + _grace)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Issue(payment)), Encoding.ASCII.GetBytes(token));
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
