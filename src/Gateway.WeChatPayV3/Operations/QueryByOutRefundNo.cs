using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3;

public sealed partial class WeChatPayV3Client
{
    /// <summary>
    /// <c>[GET] /v3/refund/domestic/refunds/{out_refund_no}</c> (a direct merchant sends no mchid): the refund's
    /// state; 404 <c>RESOURCE_NOT_EXISTS</c> when WeChat has none. REF: docs/protocols.md §G3.d.
    /// </summary>
    public Task<WeChatPayV3Result<Refund>> QueryRefundByOutRefundNoAsync(string outRefundNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outRefundNo);
        return SendAsync(HttpMethod.Get, $"v3/refund/domestic/refunds/{Uri.EscapeDataString(outRefundNo)}", "",
            WeChatPayV3Json.Default.Refund, verify: true, cancellationToken);
    }
}
