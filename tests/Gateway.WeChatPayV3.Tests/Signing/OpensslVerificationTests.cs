using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Gateway.WeChatPayV3.Signing;

namespace Gateway.WeChatPayV3.Tests.Signing;

/// <summary>
/// A second, independent check of the request signature: the <c>openssl</c> command verifies what the library signed
/// (and refuses a changed message), so a mistake shared by our signer and our verifier cannot hide.
/// </summary>
public sealed class OpensslVerificationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("v3-openssl-").FullName;

    [Fact]
    public void Openssl_VerifiesTheRequestSignature()
    {
        using var key = RSA.Create(2048);
        var body = "{\"appid\":\"wxd930ea5d5a258f4f\",\"mchid\":\"1900000109\",\"description\":\"茶\",\"amount\":{\"total\":1}}";
        var message = WeChatPayV3Signer.RequestMessage("POST", "/v3/pay/transactions/native", 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242", body);
        var signature = WeChatPayV3Signer.Sign(key, message);

        Assert.Equal("Verified OK", Openssl(key, Encoding.UTF8.GetBytes(message), signature));
        Assert.Equal("Verification failure", Openssl(key, Encoding.UTF8.GetBytes(message.Replace("\"total\":1", "\"total\":2")), signature));
    }

    [Fact]
    public void Openssl_VerifiesThePaySign()
    {
        using var key = RSA.Create(2048);
        var message = WeChatPayV3Signer.PaySignMessage("wxd930ea5d5a258f4f", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", "prepay_id=wx201410272009395522657a690389285100");

        Assert.Equal("Verified OK", Openssl(key, Encoding.UTF8.GetBytes(message), WeChatPayV3Signer.Sign(key, message)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Openssl(RSA key, byte[] message, string signature)
    {
        var publicKey = Path.Combine(_folder, "pub.pem");
        var data = Path.Combine(_folder, "message.bin");
        var sig = Path.Combine(_folder, "signature.bin");
        File.WriteAllText(publicKey, key.ExportSubjectPublicKeyInfoPem());
        File.WriteAllBytes(data, message);
        File.WriteAllBytes(sig, Convert.FromBase64String(signature));
        var start = new ProcessStartInfo("openssl", ["dgst", "-sha256", "-verify", publicKey, "-signature", sig, data])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // test.sh installs openssl; a machine without it fails here, loudly, rather than skipping the check.
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(10_000);
        return output.Trim();
    }
}
