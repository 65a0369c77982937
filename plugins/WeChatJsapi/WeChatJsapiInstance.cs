using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.WeChatJsapi.JsSdk;
using Gateway.Plugins.WeChatJsapi.OAuth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatJsapi;

/// <summary>
/// One official account + merchant account serving <c>wechat.jsapi</c> (H5 inside WeChat): JSAPI orders with
/// <c>getBrandWCPayRequest</c> parameters, plus the routes a page needs first — OAuth2 for the openid and the
/// JS-SDK <c>wx.config</c> signature. Query, close and notify come from <see cref="WeChatPayInstance"/>.
/// </summary>
internal sealed class WeChatJsapiInstance : WeChatPayInstance
{
    private readonly OAuthEndpoints _oauth;
    private readonly JsSdkConfigEndpoint _jsSdk;

    public WeChatJsapiInstance(
        ProviderInstanceContext context, WeChatJsapiSettings settings, HttpClient http, TimeProvider time, ILogger logger,
        OAuthEndpoints oauth, JsSdkConfigEndpoint jsSdk)
        : base(context, settings.Pay, http, time, logger)
    {
        _oauth = oauth;
        _jsSdk = jsSdk;
    }

    public override Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
        => PlaceJsapiOrderAsync(request, PaymentActionTypes.Jsapi, includeAppId: true, cancellationToken);

    protected override ProviderError? Precheck(CreatePaymentRequest request)
        => PrecheckJsapi(request) ?? base.Precheck(request);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        _oauth.Map(endpoints);
        _jsSdk.Map(endpoints);
    }
}
