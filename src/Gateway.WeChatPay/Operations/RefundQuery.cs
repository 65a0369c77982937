using Gateway.WeChatPay.Models;

namespace Gateway.WeChatPay;

public sealed partial class WeChatPayClient
{
    /// <summary>
    /// <para>[POST] /pay/refundquery: the state of a refund, by <c>out_refund_no</c> (no client certificate needed).</para>
    /// <para>REF: https://pay.weixin.qq.com/wiki/doc/api/native.php?chapter=9_5</para>
    /// </summary>
    public async Task<RefundQueryResponse> RefundQueryAsync(string outRefundNo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outRefundNo);
        var fields = new Dictionary<string, string> { ["out_refund_no"] = outRefundNo };
        return new RefundQueryResponse(await SendAsync("/pay/refundquery", fields, cancellationToken).ConfigureAwait(false));
    }
}
