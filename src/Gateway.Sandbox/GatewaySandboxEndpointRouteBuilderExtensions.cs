using Gateway.Sandbox.Faults;
using Gateway.Sandbox.PaysApi.Api;
using Gateway.Sandbox.PaysApi.Payer;
using Gateway.Sandbox.WeChatOpen;
using Gateway.Sandbox.WeChatPay.Api;
using Gateway.Sandbox.WeChatPay.Payer;
using Gateway.Sandbox.WeChatPayV3.Api;
using Gateway.Sandbox.WeChatPayV3.Payer;
using Microsoft.AspNetCore.Routing;

// In the ASP.NET Core builder namespace, next to MapControllers and YARP's MapReverseProxy.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the provider sandbox's endpoints.</summary>
public static class GatewaySandboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the simulated WeChat Pay v2 APIs at <c>{prefix}/wechatpay/pay/unifiedorder|orderquery|closeorder</c>
    /// (WeChat's own paths, so a plugin only changes its base URL), and the simulated payer at
    /// <c>{prefix}/wechatpay/scan</c>, <c>/pay</c> and <c>/orders/{outTradeNo}</c>; the simulated APIv3 at
    /// <c>{prefix}/wechatpay/v3/pay/transactions/…</c>, <c>/v3/refund/domestic/refunds</c>, <c>/v3/certificates</c> and <c>/v3/bill/tradebill</c>, with the H5 cashier at
    /// <c>{prefix}/wechatpay/v3/h5/checkmweb</c>; the simulated open platform
    /// (OAuth2, cgi-bin token/ticket, jscode2session) at <c>{prefix}/wechat/…</c>; and the simulated PaysAPI at
    /// <c>{prefix}/paysapi/</c> (form post, or <c>?format=json</c>), its payer at <c>{prefix}/paysapi/pay</c> and
    /// <c>/orders/{orderid}</c>; and the fault admin endpoint at <c>{prefix}/faults</c>. Requires <c>AddGatewaySandbox</c>.
    /// </summary>
    /// <returns>The route group of <paramref name="prefix"/>, for conventions such as authorization.</returns>
    public static RouteGroupBuilder MapGatewaySandbox(this IEndpointRouteBuilder endpoints, string prefix = "/sandbox")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);

        var sandbox = endpoints.MapGroup(prefix);
        var weChatPay = sandbox.MapGroup("/wechatpay");
        WeChatApiEndpoints.Map(weChatPay);
        PayerEndpoints.Map(weChatPay);
        PayerPage.Map(weChatPay);
        V3ApiEndpoints.Map(weChatPay);
        TradeBillOperation.Map(weChatPay);
        H5PayPage.Map(weChatPay);
        var paysApi = sandbox.MapGroup("/paysapi");
        PayEndpoints.Map(paysApi);
        PaysApiPayerEndpoints.Map(paysApi);
        OpenApiEndpoints.Map(sandbox.MapGroup("/wechat"));
        FaultEndpoints.Map(sandbox);
        return sandbox;
    }
}
