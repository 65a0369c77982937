using Gateway.Abstractions.Refunds;
using Gateway.Configuration;
using Gateway.Refunds;

namespace Gateway.Reconciliation;

/// <summary>
/// A refund the statement shows done while it is still pending here (its notify lost, refund sync not there yet): asks
/// the provider (its refund query, as refund sync does) and applies the answer through <see cref="RefundSettler"/>, so
/// the statement alone never moves money. Runs inside the reconciliation's snapshot pin.
/// </summary>
internal sealed class RefundHealer(GatewaySnapshotProvider snapshots, RefundSettler settler, RefundLedger ledger)
{
    /// <summary>The refund after the query: still pending when the provider could not confirm it.</summary>
    public async Task<RefundRecord> HealAsync(RefundRecord refund, CancellationToken cancellationToken)
    {
        if (!snapshots.Current.Instances.TryGetValue(refund.ProviderInstance, out var state) || state.Instance is not IRefundProvider provider)
        {
            return refund;
        }

        var result = await provider.QueryRefundAsync(new RefundQuery(refund.Id, refund.PaymentId, refund.ProviderRefundId), cancellationToken);
        if (result.Value is not { } found || found.State is RefundState.Processing or RefundState.NotFound
            || (found.Amount is { } amount && amount != refund.Amount))
        {
            return refund;
        }

        await settler.ApplyAsync(refund, found.State, found.ProviderState, found.ProviderRefundId, found.SucceededAt, cancellationToken);
        return await ledger.GetAsync(refund.Id, cancellationToken) ?? refund;
    }
}
