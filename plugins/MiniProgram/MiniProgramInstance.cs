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
    private readonly MiniProgramSessions _sessions;

    public MiniProgramInstance(
        ProviderInstanceContext context, MiniProgramSettings settings, HttpClient http, TimeProvider time, ILogger logger, LoginEndpoint login, MiniProgramSessions sessions)
        : base(context, settings.Pay, http, time, logger)
    {
        _login = login;
        _sessions = sessions;
    }

    public override async Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        // A session token from /p/{instance}/login stands for the openid it was issued to.
        if (string.IsNullOrEmpty(request.PayerOpenId) && request.PayerSessionToken is { } token)
        {
            if (await _sessions.FindAsync(token, cancellationToken).ConfigureAwait(false) is not { } session)
            {
                return Invalid("INVALID_SESSION_TOKEN", "payer.sessionToken is unknown or expired: log in again with wx.login.");
            }

            request = request with { PayerOpenId = session.OpenId, PayerSessionToken = null };
        }

        return await PlaceJsapiOrderAsync(request, PaymentActionTypes.MiniProgram, includeAppId: false, cancellationToken).ConfigureAwait(false);
    }

    protected override ProviderError? Precheck(CreatePaymentRequest request)
        => (string.IsNullOrEmpty(request.PayerOpenId) && !string.IsNullOrEmpty(request.PayerSessionToken) ? null : PrecheckJsapi(request)) ?? base.Precheck(request);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => _login.Map(endpoints);
}
