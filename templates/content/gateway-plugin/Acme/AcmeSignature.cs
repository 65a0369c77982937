using System.Security.Cryptography;

namespace Acme;

/// <summary>Acme's notify signature: lower-case hex HMAC-SHA256 of the raw body, in <see cref="Header"/>.</summary>
public static class AcmeSignature
{
    /// <summary>The header carrying the signature.</summary>
    public const string Header = "X-Acme-Signature";

    /// <summary>The signature of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    /// <summary>True when <paramref name="signature"/> is the body's signature; compared in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || signature.Length != 64)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(secret, body, expected);
        Span<byte> given = stackalloc byte[32];
        return Convert.FromHexString(signature, given, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
