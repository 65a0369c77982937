using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gateway.Sandbox.Tests.Infrastructure;
using Gateway.Sandbox.WeChatPay.Api;

namespace Gateway.Sandbox.Tests.WeChatPay;

/// <summary>
/// The sandbox's refund side: secapi/pay/refund is refused without a client certificate issued by its CA to the request's
/// mch_id; refundquery answers REFUNDNOTEXIST for a refund it never accepted.
/// </summary>
public sealed class RefundTests
{
    [Fact]
    public void Certificate_Missing_NotFromTheCa_OrForAnotherMerchant_IsRefused_TheRightOneIsAccepted()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = new CertificateRequest("CN=Test CA", caKey, HashAlgorithmName.SHA256) { CertificateExtensions = { new X509BasicConstraintsExtension(true, false, 0, true) } }
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
        var caBase64 = Convert.ToBase64String(ca.RawData);

        Assert.Contains("no client certificate", SecureApiEndpoints.CheckCertificate(null, caBase64, SandboxHost.MchId)!.Message);
        using var selfSigned = Leaf(SandboxHost.MchId, null);
        Assert.Contains("not issued by WeChat Pay", SecureApiEndpoints.CheckCertificate(selfSigned, caBase64, SandboxHost.MchId)!.Message);
        using var other = Leaf(SandboxHost.OtherMchId, ca);
        Assert.Contains($"not issued to mch_id {SandboxHost.MchId}", SecureApiEndpoints.CheckCertificate(other, caBase64, SandboxHost.MchId)!.Message);
        using var right = Leaf(SandboxHost.MchId, ca);
        Assert.Null(SecureApiEndpoints.CheckCertificate(right, caBase64, SandboxHost.MchId));
    }

    [Fact]
    public async Task Secapi_OnThePlainListener_IsRefusedForLackOfACertificate()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.Query("RF-1");
        fields["out_refund_no"] = "re_1";
        fields["total_fee"] = "1234";
        fields["refund_fee"] = "1";
        fields["sign"] = IndependentSigner.Sign(fields, SandboxHost.ApiKey, IndependentSigner.Md5);
        using var response = await host.Http.PostAsync("/sandbox/wechatpay/secapi/pay/refund", new StringContent(XmlMessage.Write(fields), Encoding.UTF8, "text/xml"));
        var reply = XmlMessage.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("FAIL", reply["return_code"]);
        Assert.Contains("CERT_ERROR", reply["return_msg"]);
    }

    [Fact]
    public async Task RefundQuery_ForARefundNeverAccepted_IsRefundNotExist()
    {
        await using var host = await SandboxHost.StartAsync();
        var fields = host.Query("RF-2");
        fields.Remove("out_trade_no");
        fields["out_refund_no"] = "re_never";

        var reply = await host.CallAsync("refundquery", fields);

        Assert.Equal("FAIL", reply["result_code"]);
        Assert.Equal("REFUNDNOTEXIST", reply["err_code"]);
        Assert.True(IndependentSigner.IsSignedWith(reply, SandboxHost.ApiKey, IndependentSigner.Md5));
    }

    private static X509Certificate2 Leaf(string mchId, X509Certificate2? issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={mchId}", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        return issuer is null
            ? request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1))
            : request.Create(issuer, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8));
    }
}
