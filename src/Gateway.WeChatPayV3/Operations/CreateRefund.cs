using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3;

public sealed partial class WeChatPayV3Client
{
    /// <summary>
    /// <c>[POST] /v3/refund/domestic/refunds</c>: asks for a refund; 200 with a Refund (usually PROCESSING) means
    /// accepted only, the notify or the query tells the end. REF: docs/protocols.md §G3.d.
    /// </summary>
    public Task<WeChatPayV3Result<Refund>> CreateRefundAsync(RefundRequest request, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, "v3/refund/domestic/refunds", request,
            WeChatPayV3Json.Default.RefundRequest, WeChatPayV3Json.Default.Refund, cancellationToken);
}
