using Gateway.Abstractions.Payments;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Models;

namespace Gateway.Plugins.WeChat.Common;

internal abstract partial class WeChatPayInstance
{
    /// <summary>
    /// <c>[POST] /pay/unifiedorder</c> for a gateway payment, shared by every trade type: the local checks,
    /// the order fields (out_trade_no is the payment id, notify_url the instance's route), the traced call,
    /// and WeChat's refusals as errors. Each channel turns the reply into its own payer action.
    /// </summary>
    /// <param name="request">The stored payment to place.</param>
    /// <param name="tradeType">NATIVE or JSAPI.</param>
    /// <param name="productId">product_id: required for NATIVE, absent for JSAPI.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    protected async Task<ProviderResult<UnifiedOrderResponse>> PlaceOrderAsync(
        CreatePaymentRequest request, string tradeType, string? productId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Precheck(request) is { } invalid)
        {
            return invalid;
        }

        var order = new UnifiedOrderRequest
        {
            Body = Truncate(request.Description, MaxBodyLength),
            OutTradeNo = request.PaymentId,
            TotalFee = request.Amount,
            SpbillCreateIp = request.ClientIp,
            NotifyUrl = NotifyUrl.AbsoluteUri,
            TradeType = tradeType,
            ProductId = productId,
            // JSAPI needs it; a NATIVE order from a scanned product code (mode 1) has it too.
            OpenId = request.PayerOpenId,
            TimeStart = request.CreatedAt,
            TimeExpire = request.ExpiresAt,
        };

        var call = await CallAsync("unifiedorder", request.PaymentId, () => Client.UnifiedOrderAsync(order, cancellationToken)).ConfigureAwait(false);
        return call.Ok ? ProviderResult<UnifiedOrderResponse>.Success(call.Reply) : call.Error;
    }
}
