using System.Security.Cryptography.X509Certificates;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.Sandbox.WeChatPay.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// <c>/secapi/pay/refund</c>: like WeChat, it needs the merchant's API client certificate. The sandbox serves it on its
/// mutual-TLS port (<see cref="SecureApiServer"/>); on the plain listener no certificate can come, so every call is refused.
/// A certificate must chain to the sandbox's merchant CA and be issued to the request's mch_id (its subject CN).
/// </summary>
internal static class SecureApiEndpoints
{
    public static void Map(IEndpointRouteBuilder wechat)
    {
        wechat.Map("/secapi/pay/refund", (Delegate)RefundAsync).ExcludeFromDescription();
    }

    private static Task<IResult> RefundAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var ca = services.GetRequiredService<IOptions<WeChatPaySandboxOptions>>().Value.SecureApi.ClientCaCertificateBase64;
        return WeChatApiEndpoints.HandleAsync(context, services.GetRequiredService<RefundOperation>(), services.GetRequiredService<RequestAuthenticator>(),
            request => CheckCertificate(context.Connection.ClientCertificate, ca, request.Merchant.MchId));
    }

    public static ProtocolError? CheckCertificate(X509Certificate2? certificate, string? caBase64, string mchId)
    {
        if (certificate is null)
        {
            return new ProtocolError(WeChatErrorCodes.CertError, "证书错误: 请求未携带商户API证书 (no client certificate)");
        }

        if (caBase64 is null)
        {
            return new ProtocolError(WeChatErrorCodes.CertError, "证书错误: the sandbox has no merchant CA configured");
        }

        using var ca = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(caBase64));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (!chain.Build(certificate))
        {
            return new ProtocolError(WeChatErrorCodes.CertError, "证书错误: the client certificate was not issued by WeChat Pay");
        }

        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) == mchId
            ? null
            : new ProtocolError(WeChatErrorCodes.CertError, $"证书错误: the client certificate is not issued to mch_id {mchId}");
    }
}
