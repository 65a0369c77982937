using Gateway.Abstractions.Payments;
using Gateway.WeChatPayV3;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    /// <summary>
    /// <c>[POST] /v3/pay/transactions/native</c> → <c>code_url</c>, shown as a QR code.
    /// REF: docs/protocols.md §G3.a.
    /// </summary>
    private async Task<ProviderResult<CreatePaymentResult>> NativeAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        var body = PrepayBody(request);
        var placed = await PrepayAsync("transactions/native", request, () => _client.TransactionsNativeAsync(body, cancellationToken)).ConfigureAwait(false);
        if (placed.Value is not { } reply)
        {
            return placed.Error!;
        }

        if (reply.CodeUrl is not { Length: > 0 } codeUrl)
        {
            return new ProviderError(ProviderErrorKind.Transient, WeChatPayV3ReplyException.InvalidResponse, "The reply has no code_url.");
        }

        Log.OrderPlaced(_logger, request.PaymentId, _instanceName);
        return ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode(codeUrl)));
    }
}
