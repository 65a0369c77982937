using System.Security.Cryptography;
using System.Text;

namespace Gateway.WeChatPayV3.Crypto;

/// <summary>
/// <c>AEAD_AES_256_GCM</c> as WeChat Pay uses it for notify resources and platform certificates: key = the APIv3
/// key's 32 ASCII bytes, IV = the 12-character <c>nonce</c> string's bytes, AAD = the <c>associated_data</c> string's
/// bytes (possibly empty), ciphertext = Base64(encrypted bytes ‖ 16-byte tag). REF: docs/protocols.md §F.
/// </summary>
public static class AeadAes256Gcm
{
    /// <summary>The tag length WeChat appends.</summary>
    public const int TagLength = 16;

    /// <summary>Decrypts and authenticates; false when the key, nonce, Base64 or tag is wrong.</summary>
    public static bool TryDecrypt(string key, string nonce, string? associatedData, string ciphertext, out string plaintext)
    {
        plaintext = "";
        var keyBytes = Encoding.ASCII.GetBytes(key ?? "");
        var nonceBytes = Encoding.ASCII.GetBytes(nonce ?? "");
        if (keyBytes.Length is not (16 or 24 or 32) || nonceBytes.Length != AesGcm.NonceByteSizes.MaxSize || ciphertext is null)
        {
            return false;
        }

        var sealedBytes = new byte[ciphertext.Length];
        if (!Convert.TryFromBase64String(ciphertext, sealedBytes, out var length) || length < TagLength)
        {
            return false;
        }

        var cipher = sealedBytes.AsSpan(0, length - TagLength);
        var tag = sealedBytes.AsSpan(length - TagLength, TagLength);
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(keyBytes, TagLength);
            aes.Decrypt(nonceBytes, cipher, tag, plain, Encoding.UTF8.GetBytes(associatedData ?? ""));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        plaintext = Encoding.UTF8.GetString(plain);
        return true;
    }

    /// <summary>Encrypts <paramref name="plaintext"/> as WeChat Pay does (the sandbox uses it).</summary>
    public static string Encrypt(string key, string nonce, string? associatedData, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + TagLength];
        using var aes = new AesGcm(Encoding.ASCII.GetBytes(key), TagLength);
        aes.Encrypt(Encoding.ASCII.GetBytes(nonce), plain, sealedBytes.AsSpan(0, plain.Length),
            sealedBytes.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData ?? ""));
        return Convert.ToBase64String(sealedBytes);
    }
}
