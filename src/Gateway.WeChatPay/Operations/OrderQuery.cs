using Gateway.WeChatPay.Models;

namespace Gateway.WeChatPay;

public sealed partial class WeChatPayClient
{
    /// <summary>
    /// <para>[POST] /pay/orderquery: the state of an order, by <c>out_trade_no</c>.</para>
    /// <para>REF: https://pay.weixin.qq.com/wiki/doc/api/native.php?chapter=9_2</para>
    /// </summary>
    public async Task<OrderQueryResponse> OrderQueryAsync(string outTradeNo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outTradeNo);
        var fields = new Dictionary<string, string> { ["out_trade_no"] = outTradeNo };
        return new OrderQueryResponse(await SendAsync("/pay/orderquery", fields, cancellationToken).ConfigureAwait(false));
    }
}
