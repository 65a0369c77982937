using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.WeChatPay.Xml;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;

namespace Gateway.FunctionalTests.Refunds;

/// <summary>
/// secapi/pay/refund needs the merchant's API client certificate: the sandbox refuses a request without one, or with one
/// not issued to that mch_id by its CA; an instance without a usable certificate keeps taking payments but refuses refunds,
/// naming itself, and says so in readiness.
/// </summary>
public sealed class RefundCertificateTests
{
    [Fact]
    public async Task CertificateNotIssuedByTheSandbox_IsRefusedBySandbox_AndTheProblemNamesTheInstance()
    {
        await using var gateway = new SelfSignedGateway();
        var api = gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, "refund-cert-1");

        var (status, problem) = await SendAsync(RefundAsync(api, paymentId, 10, "r-cert-1"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("provider_rejected", problem.Str("code"));
        Assert.Equal("wx-self-signed", problem.Str("instance"));
        Assert.Contains("wx-self-signed", problem.Str("title"));
        Assert.Contains("not issued by WeChat Pay", problem.Str("detail"));
        var refund = await ReadAsync(await api.GetAsync($"/v1/refunds/{problem.Str("refundId")}"));
        Assert.Equal("failed", refund.Str("status"));
        Assert.Equal("succeeded", (await GetAsync(api, paymentId)).Str("status"));
    }

    [Fact]
    public async Task UnreadableCertificate_DisablesRefundsOnly_WithAClearProblem_LogLine_AndReadinessDetail()
    {
        await using var gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Providers:wx-a:Settings:ApiClientCertificatePath"] = "/nonexistent/apiclient_cert.p12",
        });
        var api = gateway.ApiClient();
        var paymentId = await PaidNativeAsync(api, "refund-nocert-1");

        var (status, problem) = await SendAsync(RefundAsync(api, paymentId, 10, "r-nocert-1"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("refunds_unavailable", problem.Str("code"));
        Assert.Equal("wx-a", problem.Str("instance"));
        Assert.Contains("cannot be read", problem.Str("detail"));
        Assert.Empty((await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds")))["data"]!.AsArray());
        Assert.Contains(gateway.Logs.Records, r => r.Text.Contains("wx-a", StringComparison.Ordinal) && r.Text.Contains("refunds are DISABLED", StringComparison.Ordinal));
        var ready = await ReadAsync(await gateway.ApiClient(apiKey: null).GetAsync("/health/ready"));
        Assert.StartsWith("ok; refunds disabled: the API client certificate cannot be read", ready.Str("entries.provider-instances.data.wx-a"));
    }

    [Fact]
    public async Task Sandbox_RefusesSecapiWithoutAClientCertificate_OnItsTlsPort_AndOnThePlainListener()
    {
        await using var gateway = new GatewayFactory();
        var configuration = gateway.Services.GetRequiredService<IConfiguration>();
        var port = configuration["Sandbox:WeChatPay:SecureApi:Port"];
        var ca = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(configuration["Sandbox:WeChatPay:SecureApi:ClientCaCertificateBase64"]!));
        // Correctly signed, so the certificate is all that is missing.
        var fields = new Dictionary<string, string>
        {
            ["appid"] = GatewayFactory.AppA, ["mch_id"] = GatewayFactory.MchA, ["nonce_str"] = "n",
            ["out_trade_no"] = "pay_x", ["out_refund_no"] = "re_x", ["total_fee"] = "1", ["refund_fee"] = "1",
        };
        fields["sign"] = IndependentWeChatSigner.Md5(fields, GatewayFactory.MerchantAKey);
        var body = IndependentWeChatSigner.Xml(fields);

        // TLS without a client certificate: the handshake succeeds and WeChat's refusal comes back.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Issuer == ca.Subject };
        using var tls = new HttpClient(handler);
        var overTls = await tls.PostAsync($"https://127.0.0.1:{port}/sandbox/wechatpay/secapi/pay/refund", new StringContent(body));
        var reply = WeChatXml.Parse(await overTls.Content.ReadAsStringAsync());
        Assert.Equal("FAIL", reply["return_code"]);
        Assert.StartsWith("证书错误", reply["return_msg"], StringComparison.Ordinal);

        var plain = WeChatXml.Parse(await (await gateway.ApiClient(apiKey: null).PostAsync("/sandbox/wechatpay/secapi/pay/refund", new StringContent(body))).Content.ReadAsStringAsync());
        Assert.Equal("FAIL", plain["return_code"]);
        Assert.StartsWith("证书错误", plain["return_msg"], StringComparison.Ordinal);
    }

    /// <summary>Client A's route goes to wx-self-signed: merchant A's account, but a client certificate of its own making.</summary>
    private sealed class SelfSignedGateway() : GatewayFactory(port => new Dictionary<string, string?>
    {
        ["Gateway:Routes:native-a:Instances:0"] = "wx-self-signed",
        ["Gateway:Providers:wx-self-signed:Plugin"] = "WeChatNative",
        ["Gateway:Providers:wx-self-signed:Settings:AppId"] = AppA,
        ["Gateway:Providers:wx-self-signed:Settings:MchId"] = MchA,
        ["Gateway:Providers:wx-self-signed:Settings:ApiKey"] = MerchantAKey,
        ["Gateway:Providers:wx-self-signed:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/sandbox/wechatpay",
        // CN = the right mch_id, but signed by nobody the sandbox trusts.
        ["Gateway:Providers:wx-self-signed:Settings:ApiClientCertificateBase64"] = SelfSigned(MchA),
    });

    private static string SelfSigned(string mchId)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={mchId}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12, mchId));
    }
}
