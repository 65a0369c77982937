using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Gateway.Plugins.WeChat.Common;

/// <summary>
/// The merchant's API client certificate (<c>apiclient_cert.p12</c>) that <c>/secapi/*</c> calls present over mutual
/// TLS (docs/protocols.md §B4). Settings: <c>ApiClientCertificatePath</c> or <c>ApiClientCertificateBase64</c>, and
/// <c>ApiClientCertificatePassword</c> (WeChat issues the PKCS#12 with the mch_id as its password, so that is the
/// default). A missing, unreadable or expired certificate only disables refunds, with a reason; it never stops start-up.
/// <c>TrustedServerCaBase64</c> (a DER or PEM CA certificate) adds one CA the secure API's server certificate may
/// chain to: only the test-mode sandbox needs it.
/// </summary>
internal sealed class ApiClientCertificate
{
    private ApiClientCertificate(X509Certificate2? certificate, X509Certificate2? trustedServerCa, string? problem)
    {
        Certificate = certificate;
        TrustedServerCa = trustedServerCa;
        Problem = problem;
    }

    public X509Certificate2? Certificate { get; }

    public X509Certificate2? TrustedServerCa { get; }

    /// <summary>Why there is no usable certificate (free of secrets), or null.</summary>
    public string? Problem { get; }

    public static ApiClientCertificate Load(IConfiguration settings, string mchId, DateTimeOffset now)
    {
        var path = settings["ApiClientCertificatePath"];
        var base64 = settings["ApiClientCertificateBase64"];
        var password = settings["ApiClientCertificatePassword"] is { Length: > 0 } configured ? configured : mchId;
        X509Certificate2? ca = null;
        try
        {
            ca = settings["TrustedServerCaBase64"] is { Length: > 0 } caText ? X509CertificateLoader.LoadCertificate(Decode(caText)) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return new(null, null, "TrustedServerCaBase64 is not a readable certificate.");
        }

        byte[] pkcs12;
        try
        {
            if (!string.IsNullOrWhiteSpace(base64))
            {
                pkcs12 = Convert.FromBase64String(base64.Trim());
            }
            else if (!string.IsNullOrWhiteSpace(path))
            {
                pkcs12 = File.ReadAllBytes(path.Trim());
            }
            else
            {
                return new(null, ca, "no API client certificate is configured (ApiClientCertificatePath or ApiClientCertificateBase64).");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return new(null, ca, $"the API client certificate cannot be read ({ex.GetType().Name}).");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            return new(null, ca, "the API client certificate is not a PKCS#12 file that opens with ApiClientCertificatePassword (default: the MchId).");
        }

        if (!certificate.HasPrivateKey)
        {
            return new(null, ca, "the API client certificate has no private key.");
        }

        if (now >= certificate.NotAfter || now < certificate.NotBefore)
        {
            return new(null, ca, $"the API client certificate is not valid now (valid {certificate.NotBefore:u} to {certificate.NotAfter:u}).");
        }

        return new(certificate, ca, null);
    }

    /// <summary>An HttpClient presenting the certificate; null without one.</summary>
    public HttpClient? CreateHttpClient(TimeSpan timeout)
    {
        if (Certificate is null)
        {
            return null;
        }

        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(5) };
        handler.SslOptions.ClientCertificates = [Certificate];
        if (TrustedServerCa is { } ca)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, errors) => TrustsServer(server, errors, ca);
        }

        return new HttpClient(handler) { Timeout = timeout };
    }

    // The system's trust store as usual, plus exactly one configured CA: a chain to it is accepted, nothing else.
    private static bool TrustsServer(X509Certificate? server, SslPolicyErrors errors, X509Certificate2 ca)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (server is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(server.GetRawCertData()));
    }

    private static byte[] Decode(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal) ? X509Certificate2.CreateFromPem(trimmed).RawData : Convert.FromBase64String(trimmed);
    }
}
