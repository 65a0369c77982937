using System.Security.Cryptography.X509Certificates;
using Gateway.WeChatPayV3.Crypto;
using Gateway.WeChatPayV3.Models;
using Gateway.WeChatPayV3.Signing;
using Gateway.WeChatPayV3.Verification;

namespace Gateway.WeChatPayV3;

public sealed partial class WeChatPayV3Client
{
    /// <summary>
    /// <c>[GET] /v3/certificates</c>: the platform certificates (certificate mode), each PEM decrypted with the
    /// APIv3 key. The reply is signed by one of the certificates it carries, so it is verified with the decrypted
    /// set: AEAD decryption already proves they came from someone holding our APIv3 key.
    /// REF: docs/protocols.md §G3.f.
    /// </summary>
    public async Task<IReadOnlyList<PlatformCertificate>> DownloadCertificatesAsync(CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUrl, "v3/certificates");
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        message.Headers.TryAddWithoutValidation("Authorization", Authorization("GET", uri.PathAndQuery, "").ToString());
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new WeChatPayV3ReplyException(WeChatPayV3ReplyException.InvalidResponse, $"GET /v3/certificates answered {(int)response.StatusCode}.");
        }

        var certificates = Decrypt(Deserialize(body, WeChatPayV3Json.Default.CertificatesResponse));
        WeChatPaySignatureHeaders.TryRead(name => Header(response, name), out var headers);
        var verifier = new WeChatPayV3Verifier(new DownloadedKeys(certificates), _time);
        if (await verifier.VerifyAsync(headers, body, cancellationToken).ConfigureAwait(false) != SignatureCheck.Valid)
        {
            throw new WeChatPayV3ReplyException(WeChatPayV3ReplyException.InvalidSignature, "The certificates reply is not signed by a certificate it carries.");
        }

        return certificates;
    }

    private List<PlatformCertificate> Decrypt(CertificatesResponse reply)
    {
        var result = new List<PlatformCertificate>();
        foreach (var entry in reply.Data ?? [])
        {
            if (entry.EncryptCertificate is not { Ciphertext: { } ciphertext, Nonce: { } nonce } encrypted
                || !AeadAes256Gcm.TryDecrypt(_options.ApiV3Key, nonce, encrypted.AssociatedData, ciphertext, out var pem))
            {
                throw new WeChatPayV3ReplyException(WeChatPayV3ReplyException.InvalidResponse, "A platform certificate does not decrypt with the APIv3 key.");
            }

            using var certificate = X509Certificate2.CreateFromPem(pem);
            var publicKey = certificate.GetRSAPublicKey()
                ?? throw new WeChatPayV3ReplyException(WeChatPayV3ReplyException.InvalidResponse, "A platform certificate has no RSA key.");
            result.Add(new PlatformCertificate(certificate.SerialNumber.ToUpperInvariant(),
                entry.EffectiveTime ?? certificate.NotBefore, entry.ExpireTime ?? certificate.NotAfter, publicKey));
        }

        return result;
    }

    private sealed class DownloadedKeys(IReadOnlyList<PlatformCertificate> certificates) : IPlatformKeySource
    {
        public ValueTask<System.Security.Cryptography.RSA?> FindAsync(string serial, CancellationToken cancellationToken)
            => ValueTask.FromResult(certificates.FirstOrDefault(c => string.Equals(c.SerialNo, serial, StringComparison.OrdinalIgnoreCase))?.PublicKey);
    }
}
