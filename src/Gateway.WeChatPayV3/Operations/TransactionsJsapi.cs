using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3;

public sealed partial class WeChatPayV3Client
{
    /// <summary>
    /// <c>[POST] /v3/pay/transactions/jsapi</c>: an order paid inside WeChat (official-account pages and mini
    /// programs); needs <c>payer.openid</c> under the request's appid; answers <c>prepay_id</c>.
    /// REF: https://pay.weixin.qq.com/doc/v3/merchant/4012525167 and 4012525182
    /// </summary>
    public Task<WeChatPayV3Result<PrepayResponse>> TransactionsJsapiAsync(PrepayRequest request, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, "v3/pay/transactions/jsapi", request,
            WeChatPayV3Json.Default.PrepayRequest, WeChatPayV3Json.Default.PrepayResponse, cancellationToken);
}
