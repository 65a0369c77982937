using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Sandbox.WeChatPay.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPayV3.Platform;

/// <summary>
/// WeChat Pay's side of APIv3: its signing key (from <see cref="WeChatPaySandboxOptions.V3PlatformPrivateKey"/>, or
/// generated), the public-key id that names it in public-key mode, a platform certificate over the same key for
/// certificate mode, and the v3 merchants (those with an <c>ApiV3Key</c>) with the public keys their requests are
/// verified with.
/// </summary>
internal sealed class V3Platform : IDisposable
{
    public V3Platform(IOptions<WeChatPaySandboxOptions> options, TimeProvider time)
    {
        var value = options.Value;
        Key = RSA.Create(2048);
        if (!string.IsNullOrWhiteSpace(value.V3PlatformPrivateKey))
        {
            Key.ImportFromPem(value.V3PlatformPrivateKey);
        }

        PublicKeyId = value.V3PublicKeyId;
        var now = time.GetUtcNow();
        var request = new CertificateRequest("CN=Tenpay.com Root CA Sandbox, O=Tenpay.com, C=CN", Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(Key, RSASignaturePadding.Pkcs1),
            now.AddDays(-1), now.AddYears(5), RandomNumberGenerator.GetBytes(20));
        CertificateSerial = Certificate.SerialNumber.ToUpperInvariant();
        Merchants = value.Merchants
            .Where(m => !string.IsNullOrEmpty(m.ApiV3Key))
            .Select(m => new V3Merchant(m.MchId, m.ApiV3Key!, m.MerchantSerialNo ?? "", Import(m.MerchantPublicKey!), m.AppIds,
                string.Equals(m.V3SignatureMode, "Certificate", StringComparison.OrdinalIgnoreCase)))
            .ToFrozenDictionary(m => m.MchId, StringComparer.Ordinal);
    }

    /// <summary>The key that signs every v3 reply and notify.</summary>
    public RSA Key { get; }

    /// <summary>The public-key id (<c>PUB_KEY_ID_…</c>).</summary>
    public string PublicKeyId { get; }

    /// <summary>The platform certificate over <see cref="Key"/>.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate's serial, upper-case hex.</summary>
    public string CertificateSerial { get; }

    /// <summary>The APIv3 merchants by mchid.</summary>
    public FrozenDictionary<string, V3Merchant> Merchants { get; }

    /// <summary>The serial a reply or notify to <paramref name="merchant"/> names.</summary>
    public string SerialFor(V3Merchant merchant) => merchant.CertificateMode ? CertificateSerial : PublicKeyId;

    public void Dispose()
    {
        Certificate.Dispose();
        Key.Dispose();
        foreach (var merchant in Merchants.Values)
        {
            merchant.PublicKey.Dispose();
        }
    }

    private static RSA Import(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }
}

/// <summary>An APIv3 merchant: its APIv3 key, the serial and public key of its API certificate, and its bound app ids.</summary>
internal sealed record V3Merchant(string MchId, string ApiV3Key, string SerialNo, RSA PublicKey, IReadOnlyList<string> AppIds, bool CertificateMode)
{
    public override string ToString() => $"merchant {MchId}";
}
