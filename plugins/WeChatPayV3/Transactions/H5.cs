using Gateway.Abstractions.Payments;
using Gateway.WeChatPayV3;
using Gateway.WeChatPayV3.Models;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    // h5_info.type for a mobile web page.
    private const string H5TypeWap = "Wap";

    /// <summary>
    /// <c>[POST] /v3/pay/transactions/h5</c> with <c>scene_info</c> (payer_client_ip, h5_info.type) → <c>h5_url</c>,
    /// answered as a <c>redirect</c> action: the payer's mobile browser goes there to pay.
    /// REF: docs/protocols.md §G3.a.
    /// </summary>
    private async Task<ProviderResult<CreatePaymentResult>> H5Async(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        var body = PrepayBody(request, scene: new SceneInfo(request.ClientIp, new H5Info(H5TypeWap)));
        var placed = await PrepayAsync("transactions/h5", request, () => _client.TransactionsH5Async(body, cancellationToken)).ConfigureAwait(false);
        if (placed.Value is not { } reply)
        {
            return placed.Error!;
        }

        if (reply.H5Url is not { Length: > 0 } h5Url || !Uri.TryCreate(h5Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return new ProviderError(ProviderErrorKind.Transient, WeChatPayV3ReplyException.InvalidResponse, "The reply has no valid h5_url.");
        }

        Log.OrderPlaced(_logger, request.PaymentId, _instanceName);
        return ProviderResult<CreatePaymentResult>.Success(
            new CreatePaymentResult(new PaymentAction(PaymentActionTypes.Redirect) { Url = h5Url }));
    }
}
