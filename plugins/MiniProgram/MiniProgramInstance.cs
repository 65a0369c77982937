using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins.MiniProgram.Login;
using Gateway.Plugins.WeChat.Common;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.MiniProgram;

/// <summary>
/// One mini program + merchant account serving <c>wechat.miniprogram</c>: JSAPI-type orders under the mini
/// program's app id, answered with <c>wx.requestPayment</c> parameters (no appId, but signed with it), and the
/// login route. Query, close and notify come from <see cref="WeChatPayInstance"/>.
/// </summary>
internal sealed class MiniProgramInstance : WeChatPayInstance
{
    private readonly LoginEndpoint _login;

    public MiniProgramInstance(ProviderInstanceContext context, MiniProgramSettings settings, HttpClient http, TimeProvider time, ILogger logger, LoginEndpoint login)
        : base(context, settings.Pay, http, time, logger)
    {
        _login = login;
    }

    public override Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
        => PlaceJsapiOrderAsync(request, PaymentActionTypes.MiniProgram, includeAppId: false, cancellationToken);

    protected override ProviderError? Precheck(CreatePaymentRequest request)
        => PrecheckJsapi(request) ?? base.Precheck(request);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => _login.Map(endpoints);
}
