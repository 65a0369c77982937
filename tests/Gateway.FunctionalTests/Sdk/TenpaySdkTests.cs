using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests.Sdk;

/// <summary>
/// The sandbox driven by the <c>tenpay</c> npm SDK (tests/Sdk.Tenpay/check.js), a WeChat Pay v2 client we did not
/// write: it signs requests and verifies every reply's sign itself. ./test.sh installs node and the SDK
/// (<c>npm ci</c>); without them this test fails, it is never skipped. Refunds go over mutual TLS to the sandbox's
/// secapi port with the merchant certificate test mode issued, handed to the SDK as the PKCS#12 file it loads
/// (<c>pfx</c>, passphrase = mch_id), written for this run to a temporary folder and deleted after; node trusts the
/// test CA through <c>NODE_EXTRA_CA_CERTS</c>.
/// </summary>
public sealed class TenpaySdkTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TenpaySdk_DrivesUnifiedOrderQueryCloseRefundAndRefundQuery_AndAcceptsEveryReply()
    {
        var configuration = gateway.Services.GetRequiredService<IConfiguration>();
        var secrets = Directory.CreateTempSubdirectory("tenpay-check-");
        try
        {
            var (report, exitCode) = await RunCheckAsync(configuration, secrets.FullName);
            Assert.True(exitCode == 0, report);
            Assert.Matches(@"tenpay check: 2[0-9] passed", report);
            Assert.DoesNotContain(GatewayFactory.MerchantAKey, report, StringComparison.Ordinal);
        }
        finally
        {
            secrets.Delete(recursive: true);
        }
    }

    private async Task<(string Report, int ExitCode)> RunCheckAsync(IConfiguration configuration, string secrets)
    {
        var clientPfx = Path.Combine(secrets, "apiclient_cert.p12");
        var wrongPfx = Path.Combine(secrets, "self_signed.p12");
        var otherPfx = Path.Combine(secrets, "other_merchant.p12");
        var caPem = Path.Combine(secrets, "ca.pem");
        await File.WriteAllBytesAsync(clientPfx, Convert.FromBase64String(configuration["Gateway:Providers:wx-a:Settings:ApiClientCertificateBase64"]!));
        await File.WriteAllBytesAsync(wrongPfx, SelfSigned(GatewayFactory.MchA));
        await File.WriteAllBytesAsync(otherPfx, Reexported(configuration["Gateway:Providers:wx-b:Settings:ApiClientCertificateBase64"]!, GatewayFactory.MchB, GatewayFactory.MchA));
        using (var ca = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(configuration["Sandbox:WeChatPay:SecureApi:ClientCaCertificateBase64"]!)))
        {
            await File.WriteAllTextAsync(caPem, ca.ExportCertificatePem());
        }

        var folder = Path.Combine(RepositoryRoot(), "tests", "Sdk.Tenpay");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "tenpay")),
            $"The tenpay SDK is not installed in {folder}: run ./test.sh (it installs nodejs/npm and runs npm ci there).");

        var start = new ProcessStartInfo("node", "check.js")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["SANDBOX"] = $"{gateway.BaseUrl}/sandbox",
                ["APPID"] = GatewayFactory.AppA,
                ["MCHID"] = GatewayFactory.MchA,
                ["API_KEY"] = GatewayFactory.MerchantAKey,
                ["SECAPI"] = $"https://127.0.0.1:{configuration["Sandbox:WeChatPay:SecureApi:Port"]}/sandbox/wechatpay",
                ["CLIENT_PFX"] = clientPfx,
                ["WRONG_PFX"] = wrongPfx,
                ["OTHER_PFX"] = otherPfx,
                ["NODE_EXTRA_CA_CERTS"] = caPem,
            },
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started: run ./test.sh, which installs nodejs.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Budget);
        try
        {
            await node.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"check.js did not finish within {Budget}: {await output}");
        }

        return (await output + await errors, node.ExitCode);
    }

    /// <summary>A certificate for the right mch_id (CN) that WeChat never issued: self-signed, as PKCS#12 with the mch_id as passphrase.</summary>
    private static byte[] SelfSigned(string mchId)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={mchId}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pkcs12, mchId);
    }

    /// <summary>Another merchant's genuine certificate, under the passphrase the SDK will try (its own mch_id).</summary>
    private static byte[] Reexported(string pkcs12Base64, string password, string newPassword)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(pkcs12Base64), password, X509KeyStorageFlags.Exportable);
        return certificate.Export(X509ContentType.Pkcs12, newPassword);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gateway.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
