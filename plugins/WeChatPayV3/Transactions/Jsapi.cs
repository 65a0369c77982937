using Gateway.Abstractions.Payments;
using Gateway.WeChatPayV3;
using Gateway.WeChatPayV3.Jsapi;
using Gateway.WeChatPayV3.Models;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    /// <summary>
    /// <c>[POST] /v3/pay/transactions/jsapi</c> with <c>payer.openid</c> → <c>prepay_id</c>, answered as the
    /// RSA-signed parameters of <c>getBrandWCPayRequest</c> (JSAPI) or <c>wx.requestPayment</c> (mini program,
    /// which takes no appId; it is signed either way).
    /// REF: https://pay.weixin.qq.com/doc/v3/merchant/4012525167 and 4012525182; docs/protocols.md §G3.e
    /// </summary>
    private async Task<ProviderResult<CreatePaymentResult>> JsapiAsync(
        CreatePaymentRequest request, string actionType, bool includeAppId, CancellationToken cancellationToken)
    {
        var body = PrepayBody(request, payer: new PrepayPayer(request.PayerOpenId ?? ""));
        var placed = await PrepayAsync("transactions/jsapi", request, () => _client.TransactionsJsapiAsync(body, cancellationToken)).ConfigureAwait(false);
        if (placed.Value is not { } reply)
        {
            return placed.Error!;
        }

        if (reply.PrepayId is not { Length: > 0 } prepayId)
        {
            return new ProviderError(ProviderErrorKind.Transient, WeChatPayV3ReplyException.InvalidResponse, "The reply has no prepay_id.");
        }

        var parameters = JsapiPayParameters.Build(_settings.AppId, prepayId, _time.GetUtcNow(), WeChatPayV3Client.NewNonce(), _client.SignWithMerchantKey);
        if (!includeAppId)
        {
            parameters.Remove("appId");
        }

        Log.OrderPlaced(_logger, request.PaymentId, _instanceName);
        return ProviderResult<CreatePaymentResult>.Success(
            new CreatePaymentResult(new PaymentAction(actionType) { Parameters = parameters }, prepayId));
    }
}
