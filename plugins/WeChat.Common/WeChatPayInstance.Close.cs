using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.WeChat.Common;

internal abstract partial class WeChatPayInstance
{
    private const string Closed = "CLOSED";
    private const string OrderClosed = "ORDERCLOSED";

    public async Task<ProviderResult<CloseResult>> CloseAsync(PaymentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var call = await CallAsync("closeorder", query.PaymentId, () => Client.CloseOrderAsync(query.PaymentId, cancellationToken))
            .ConfigureAwait(false);
        if (call.Ok)
        {
            return ProviderResult<CloseResult>.Success(new CloseResult(Closed));
        }

        // Closing twice is the same outcome as closing once; the host may retry a close it lost the answer to.
        // ORDERPAID and everything else stay errors.
        return call.Error.Code == OrderClosed
            ? ProviderResult<CloseResult>.Success(new CloseResult(OrderClosed))
            : call.Error;
    }
}
