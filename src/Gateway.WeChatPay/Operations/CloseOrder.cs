using Gateway.WeChatPay.Models;

namespace Gateway.WeChatPay;

public sealed partial class WeChatPayClient
{
    /// <summary>
    /// <para>[POST] /pay/closeorder: closes an unpaid order so it can no longer be paid. WeChat asks for at
    /// least 5 minutes between placing and closing an order; that timing is the caller's concern.</para>
    /// <para>REF: https://pay.weixin.qq.com/wiki/doc/api/native.php?chapter=9_3</para>
    /// </summary>
    public async Task<WeChatPayResponse> CloseOrderAsync(string outTradeNo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outTradeNo);
        var fields = new Dictionary<string, string> { ["out_trade_no"] = outTradeNo };
        return new WeChatPayResponse(await SendAsync("/pay/closeorder", fields, cancellationToken).ConfigureAwait(false));
    }
}
