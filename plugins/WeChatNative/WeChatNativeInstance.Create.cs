using Gateway.Abstractions.Payments;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Models;

namespace Gateway.Plugins.WeChatNative;

internal sealed partial class WeChatNativeInstance
{
    public override async Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
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
            TradeType = WeChatPayCodes.TradeTypeNative,
            ProductId = request.ProductId ?? request.PaymentId,
            // Set when the order comes from a scanned product code (mode 1): WeChat then knows the payer already.
            OpenId = request.PayerOpenId,
            TimeStart = request.CreatedAt,
            TimeExpire = request.ExpiresAt,
        };

        var call = await CallAsync("unifiedorder", request.PaymentId, () => Client.UnifiedOrderAsync(order, cancellationToken))
            .ConfigureAwait(false);
        if (!call.Ok)
        {
            return call.Error;
        }

        if (call.Reply.CodeUrl is not { } codeUrl)
        {
            return new ProviderError(ProviderErrorKind.Transient, WeChatPayReplyException.InvalidResponse, "The reply has no code_url.");
        }

        LogOrderPlaced(request.PaymentId);
        return ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode(codeUrl), call.Reply.PrepayId));
    }
}
