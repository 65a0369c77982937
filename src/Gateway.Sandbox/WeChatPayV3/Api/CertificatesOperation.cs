using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.Sandbox.WeChatPayV3.Protocol;
using Gateway.WeChatPayV3.Crypto;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.WeChatPayV3.Api;

/// <summary>
/// <c>GET /v3/certificates</c>: the platform certificate, its PEM encrypted with the merchant's APIv3 key
/// (associated_data <c>certificate</c>), the reply signed with that certificate's key and serial whatever the
/// merchant's mode. REF: docs/protocols.md §G3.f.
/// </summary>
internal sealed class CertificatesOperation(V3Platform platform, V3Replies replies)
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    public IResult Reply(V3Merchant merchant)
    {
        var nonce = RandomNumberGenerator.GetString(Alphanumeric, 12);
        var certificate = platform.Certificate;
        var body = new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject
            {
                ["serial_no"] = platform.CertificateSerial,
                ["effective_time"] = TransactionView.ToWire(certificate.NotBefore.ToUniversalTime()),
                ["expire_time"] = TransactionView.ToWire(certificate.NotAfter.ToUniversalTime()),
                ["encrypt_certificate"] = new JsonObject
                {
                    ["algorithm"] = "AEAD_AES_256_GCM",
                    ["nonce"] = nonce,
                    ["associated_data"] = "certificate",
                    ["ciphertext"] = AeadAes256Gcm.Encrypt(merchant.ApiV3Key, nonce, "certificate", certificate.ExportCertificatePem()),
                },
            }),
        };
        return replies.Signed(merchant, StatusCodes.Status200OK, body.ToJsonString(), platform.CertificateSerial);
    }
}
