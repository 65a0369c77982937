using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3;

public sealed partial class WeChatPayV3Client
{
    /// <summary>
    /// <c>[POST] /v3/pay/transactions/h5</c>: an order paid from a mobile browser outside WeChat; needs
    /// <c>scene_info.payer_client_ip</c> and <c>scene_info.h5_info.type</c>; answers <c>h5_url</c>, where the
    /// payer's browser is sent. REF: docs/protocols.md §G3.a.
    /// </summary>
    public Task<WeChatPayV3Result<PrepayResponse>> TransactionsH5Async(PrepayRequest request, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, "v3/pay/transactions/h5", request,
            WeChatPayV3Json.Default.PrepayRequest, WeChatPayV3Json.Default.PrepayResponse, cancellationToken);
}
