using Gateway.WeChatPay.Models;

namespace Gateway.WeChatPay;

public sealed partial class WeChatPayClient
{
    /// <summary>
    /// <para>[POST] /secapi/pay/refund: asks WeChat to refund (part of) a paid order, over mutual TLS with the
    /// merchant's API client certificate (<see cref="SecureHttpClient"/>). SUCCESS means accepted, not refunded:
    /// the result comes from the refund notify or <see cref="RefundQueryAsync"/>.</para>
    /// <para>REF: https://pay.weixin.qq.com/wiki/doc/api/native.php?chapter=9_4</para>
    /// </summary>
    public async Task<RefundResponse> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RefundResponse(await SendSecureAsync("/secapi/pay/refund", request.ToFields(), cancellationToken).ConfigureAwait(false));
    }
}
