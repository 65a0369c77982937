using Gateway.Abstractions.Payments;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Jsapi;

namespace Gateway.Plugins.WeChat.Common;

internal abstract partial class WeChatPayInstance
{
    // openid is String(128) in unifiedorder.
    private const int MaxOpenIdLength = 128;

    /// <summary>The openid check of JSAPI-type orders (web pages and mini programs), on top of the common ones.</summary>
    protected ProviderError? PrecheckJsapi(CreatePaymentRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.PayerOpenId))
        {
            return Invalid("MISSING_OPENID", "payer.openId is required: the payer's openid under this instance's app id.");
        }

        return request.PayerOpenId.Length > MaxOpenIdLength
            ? Invalid("INVALID_OPENID", "payer.openId must be at most 128 characters.")
            : null;
    }

    /// <summary>
    /// Places a <c>trade_type=JSAPI</c> order for <see cref="CreatePaymentRequest.PayerOpenId"/> and answers the
    /// signed pay parameters (same sign type as the order). A mini program's <c>wx.requestPayment</c> takes no
    /// appId, so <paramref name="includeAppId"/> drops it from what is returned; it is signed either way.
    /// </summary>
    protected async Task<ProviderResult<CreatePaymentResult>> PlaceJsapiOrderAsync(
        CreatePaymentRequest request, string actionType, bool includeAppId, CancellationToken cancellationToken)
    {
        var placed = await PlaceOrderAsync(request, WeChatPayCodes.TradeTypeJsapi, productId: null, cancellationToken).ConfigureAwait(false);
        if (placed.Value is not { } reply)
        {
            return placed.Error!;
        }

        if (reply.PrepayId is not { } prepayId)
        {
            return new ProviderError(ProviderErrorKind.Transient, WeChatPayReplyException.InvalidResponse, "The reply has no prepay_id.");
        }

        var parameters = JsapiPayParameters.Build(Options.AppId, prepayId, Options.ApiKey, Options.SignType, Time.GetUtcNow());
        if (!includeAppId)
        {
            parameters.Remove(JsapiPayParameters.AppId);
        }

        LogOrderPlaced(request.PaymentId);
        return ProviderResult<CreatePaymentResult>.Success(
            new CreatePaymentResult(new PaymentAction(actionType) { Parameters = parameters }, prepayId));
    }
}
