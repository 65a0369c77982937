using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3;

public sealed partial class WeChatPayV3Client
{
    /// <summary>
    /// <c>[POST] /v3/pay/transactions/native</c>: a QR-code order; the reply's <c>code_url</c> becomes the QR.
    /// REF: docs/protocols.md §G3.a.
    /// </summary>
    public Task<WeChatPayV3Result<PrepayResponse>> TransactionsNativeAsync(PrepayRequest request, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, "v3/pay/transactions/native", request,
            WeChatPayV3Json.Default.PrepayRequest, WeChatPayV3Json.Default.PrepayResponse, cancellationToken);
}
