using System.Security.Cryptography;
using System.Text;

namespace Gateway.WeChatPayV3;

/// <summary>
/// One APIv3 merchant account. Verification mode: with <see cref="PublicKeyId"/> and <see cref="PublicKey"/> set,
/// replies and notifies are verified with the WeChat Pay public key (public-key mode); without them, with the
/// platform certificates downloaded from <c>/v3/certificates</c> (certificate mode).
/// </summary>
public sealed class WeChatPayV3Options
{
    /// <summary>WeChat Pay's API host.</summary>
    public const string DefaultBaseUrl = "https://api.mch.weixin.qq.com";

    /// <summary>The APIv3 key is 32 ASCII characters (an AES-256 key).</summary>
    public const int ApiV3KeyLength = 32;

    /// <summary>The prefix of a WeChat Pay public-key id.</summary>
    public const string PublicKeyIdPrefix = "PUB_KEY_ID_";

    /// <summary>The merchant id, <c>mchid</c>.</summary>
    public string MchId { get; set; } = "";

    /// <summary>The merchant API certificate's serial number (<c>serial_no</c> in the Authorization header).</summary>
    public string MerchantSerialNo { get; set; } = "";

    /// <summary>The merchant API private key (apiclient_key.pem), PEM. Secret: never log it.</summary>
    public string MerchantPrivateKey { get; set; } = "";

    /// <summary>The APIv3 key that decrypts notify resources and certificates. Secret: never log it.</summary>
    public string ApiV3Key { get; set; } = "";

    /// <summary>The WeChat Pay public-key id (<c>PUB_KEY_ID_…</c>); empty in certificate mode.</summary>
    public string? PublicKeyId { get; set; }

    /// <summary>The WeChat Pay public key (pub_key.pem), PEM; empty in certificate mode.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The API base URL.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>True in public-key mode.</summary>
    public bool UsesPublicKey => !string.IsNullOrEmpty(PublicKeyId);

    /// <summary>Adds one message per bad setting (naming the key, never a value).</summary>
    public void Validate(ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(MchId))
        {
            errors.Add("MchId is required.");
        }

        if (string.IsNullOrWhiteSpace(MerchantSerialNo))
        {
            errors.Add("MerchantSerialNo is required.");
        }

        if (!CanImport(MerchantPrivateKey, privateKey: true))
        {
            errors.Add("MerchantPrivateKey must be an RSA private key (PEM, at least 2048 bits).");
        }

        if (ApiV3Key is null || ApiV3Key.Length != ApiV3KeyLength || Encoding.UTF8.GetByteCount(ApiV3Key) != ApiV3KeyLength)
        {
            errors.Add($"ApiV3Key must be exactly {ApiV3KeyLength} ASCII characters.");
        }

        if (UsesPublicKey && !PublicKeyId!.StartsWith(PublicKeyIdPrefix, StringComparison.Ordinal))
        {
            errors.Add($"PublicKeyId must start with {PublicKeyIdPrefix}.");
        }

        if (UsesPublicKey != !string.IsNullOrEmpty(PublicKey))
        {
            errors.Add("PublicKeyId and PublicKey go together: set both (public-key mode) or neither (certificate mode).");
        }
        else if (UsesPublicKey && !CanImport(PublicKey, privateKey: false))
        {
            errors.Add("PublicKey must be an RSA public key (PEM, at least 2048 bits).");
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("BaseUrl must be an absolute http(s) URL.");
        }
    }

    /// <summary>Imports a PEM RSA key (PKCS#1 or PKCS#8 / SubjectPublicKeyInfo).</summary>
    public static RSA ImportKey(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static bool CanImport(string? pem, bool privateKey)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return false;
        }

        try
        {
            using var rsa = ImportKey(pem);
            if (privateKey)
            {
                // A public-only key imports fine but cannot sign: export fails without the private part.
                rsa.ExportRSAPrivateKey();
            }

            return rsa.KeySize >= 2048;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
