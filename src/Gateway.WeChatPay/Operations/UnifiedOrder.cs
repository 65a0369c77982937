using Gateway.WeChatPay.Models;

namespace Gateway.WeChatPay;

public sealed partial class WeChatPayClient
{
    /// <summary>
    /// <para>[POST] /pay/unifiedorder: places an order and returns <c>prepay_id</c> (and <c>code_url</c> for NATIVE).</para>
    /// <para>REF: https://pay.weixin.qq.com/wiki/doc/api/native.php?chapter=9_1</para>
    /// </summary>
    public async Task<UnifiedOrderResponse> UnifiedOrderAsync(UnifiedOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = request.ToFields(_time.GetUtcNow());
        return new UnifiedOrderResponse(await SendAsync("/pay/unifiedorder", fields, cancellationToken).ConfigureAwait(false));
    }
}
