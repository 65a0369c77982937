using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3;

public sealed partial class WeChatPayV3Client
{
    /// <summary>
    /// <c>[GET] /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid={mchid}</c>: the order's state (an unpaid
    /// order can only be queried this way). REF: https://pay.weixin.qq.com/doc/v3/merchant/4013070356
    /// </summary>
    public Task<WeChatPayV3Result<Transaction>> QueryByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var url = $"v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(_options.MchId)}";
        return SendAsync(HttpMethod.Get, url, "", WeChatPayV3Json.Default.Transaction, verify: true, cancellationToken);
    }
}
