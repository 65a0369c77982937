using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3;

public sealed partial class WeChatPayV3Client
{
    /// <summary>
    /// <c>[POST] /v3/pay/transactions/out-trade-no/{out_trade_no}/close</c> with <c>{"mchid"}</c>; success is
    /// 204 with no body. REF: https://pay.weixin.qq.com/doc/v3/merchant/4012556398
    /// </summary>
    public Task<WeChatPayV3Result<ErrorReply>> CloseOrderAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        return SendAsync(HttpMethod.Post, $"v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close",
            new CloseRequest(_options.MchId), WeChatPayV3Json.Default.CloseRequest, WeChatPayV3Json.Default.ErrorReply, cancellationToken);
    }
}
