using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Refunds;
using Gateway.WeChatPayV3;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    private const string ResourceNotExists = "RESOURCE_NOT_EXISTS";

    /// <summary>
    /// <c>[GET] /v3/refund/domestic/refunds/{out_refund_no}</c>. 404 <c>RESOURCE_NOT_EXISTS</c> means WeChat never
    /// accepted it, so the host may send it again under the same out_refund_no (refunded at most once).
    /// REF: docs/protocols.md §G3.d.
    /// </summary>
    public async Task<ProviderResult<RefundQueryResult>> QueryRefundAsync(RefundQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var call = await CallAsync("refund/domestic/refunds/{out_refund_no}", query.PaymentId,
            () => _client.QueryRefundByOutRefundNoAsync(query.RefundId, cancellationToken)).ConfigureAwait(false);
        if (call.Value is not { } refund)
        {
            return call.Error!.Code == ResourceNotExists
                ? ProviderResult<RefundQueryResult>.Success(new RefundQueryResult(RefundState.NotFound, ResourceNotExists))
                : call.Error;
        }

        if (refund.OutRefundNo != query.RefundId || refund.Status is not { Length: > 0 } status)
        {
            return new ProviderError(ProviderErrorKind.Transient, WeChatPayV3ReplyException.InvalidResponse, "The reply names another refund or has no status.");
        }

        return ProviderResult<RefundQueryResult>.Success(new RefundQueryResult(RefundStates.ToState(status), status)
        {
            ProviderRefundId = refund.RefundId,
            Amount = refund.Amount?.Refund,
            SucceededAt = refund.SuccessTime,
        });
    }
}
