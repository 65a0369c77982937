using Gateway.Abstractions.Payments;
using Gateway.WeChatPay;

namespace Gateway.Plugins.WeChatNative;

internal sealed partial class WeChatNativeInstance
{
    public override async Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        var placed = await PlaceOrderAsync(request, WeChatPayCodes.TradeTypeNative, request.ProductId ?? request.PaymentId, cancellationToken)
            .ConfigureAwait(false);
        if (placed.Value is not { } reply)
        {
            return placed.Error!;
        }

        if (reply.CodeUrl is not { } codeUrl)
        {
            return new ProviderError(ProviderErrorKind.Transient, WeChatPayReplyException.InvalidResponse, "The reply has no code_url.");
        }

        LogOrderPlaced(request.PaymentId);
        return ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode(codeUrl), reply.PrepayId));
    }
}
