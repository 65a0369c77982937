using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    private const string Closed = "CLOSED";
    private const string OrderClosed = "ORDER_CLOSED";

    /// <summary>
    /// <c>[POST] /v3/pay/transactions/out-trade-no/{out_trade_no}/close</c>: 204 on success. Closing twice is the
    /// same outcome as closing once (the host may retry a close it lost the answer to); every other refusal stays
    /// an error. REF: https://pay.weixin.qq.com/doc/v3/merchant/4012556398
    /// </summary>
    public async Task<ProviderResult<CloseResult>> CloseAsync(PaymentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var call = await CallAsync("transactions/close", query.PaymentId, () => _client.CloseOrderAsync(query.PaymentId, cancellationToken), allowEmpty: true)
            .ConfigureAwait(false);
        if (call.Succeeded)
        {
            return ProviderResult<CloseResult>.Success(new CloseResult(Closed));
        }

        return call.Error!.Code == OrderClosed ? ProviderResult<CloseResult>.Success(new CloseResult(OrderClosed)) : call.Error;
    }
}
