using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.TestMode;

/// <summary>
/// Test mode's stand-in for WeChat Pay's certificate authority, made fresh at every start and never written to disk:
/// it issues the sandbox's TLS server certificate and each sandbox merchant's API client certificate (subject CN =
/// mch_id, as WeChat's are), so <c>secapi</c> calls run over real mutual TLS. ECDSA P-256 keeps start-up fast.
/// </summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _ca;

    public TestCertificateAuthority(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Gateway test-mode WeChat Pay CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _ca = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
    }

    /// <summary>The CA certificate (public part), DER in Base64.</summary>
    public string CertificateBase64 => Convert.ToBase64String(_ca.RawData);

    /// <summary>A TLS server certificate for 127.0.0.1 and localhost, as PKCS#12 in Base64.</summary>
    public string IssueServer(string password, DateTimeOffset now)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        return Issue("CN=localhost", password, now, names.Build(), new Oid("1.3.6.1.5.5.7.3.1"));
    }

    /// <summary>A merchant's API client certificate (CN = mch_id) as PKCS#12 in Base64, with the mch_id as its password, as WeChat issues it.</summary>
    public string IssueMerchant(string mchId, DateTimeOffset now) => Issue($"CN={mchId}", mchId, now, null, new Oid("1.3.6.1.5.5.7.3.2"));

    public void Dispose() => _ca.Dispose();

    private string Issue(string subject, string password, DateTimeOffset now, X509Extension? names, Oid usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(_ca, now.AddMinutes(-5), now.AddDays(30), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return Convert.ToBase64String(withKey.Export(X509ContentType.Pkcs12, password));
    }
}
