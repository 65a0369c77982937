using Gateway.Abstractions.Statements;
using Gateway.Refunds;

namespace Gateway.Reconciliation;

/// <summary>The refund side of <see cref="StatementMatcher"/>: refund lines against the refund ledger, and the ledger's refunds the statement lacks.</summary>
internal sealed partial class StatementMatcher
{
    private async Task<List<(string Id, string PaymentId, long Amount)>> GatewayOnlyRefundsAsync(
        ReconciliationRun run, HashSet<string> onStatement, DateTimeOffset dayStart, List<Discrepancy> found, CancellationToken cancellationToken)
    {
        var refunded = await store.RefundsSucceededBetweenAsync(run.ProviderInstance, dayStart, dayStart.AddDays(1), cancellationToken);
        foreach (var (id, paymentId, amount) in refunded.Where(r => !onStatement.Contains(r.Id)))
        {
            found.Add(New(run, DiscrepancyKinds.RefundGatewayOnly, DiscrepancyStatuses.Open, null) with
            {
                PaymentId = paymentId,
                RefundId = id,
                GatewayAmount = amount,
                GatewayState = RefundStatus.Succeeded.ToName(),
                Detail = $"Refund of {amount} fen succeeded here, absent from the provider's statement.",
            });
        }

        return refunded;
    }

    private async Task<Discrepancy?> CompareRefundAsync(ReconciliationRun run, StatementLine line, CancellationToken cancellationToken)
    {
        var refund = await refunds.GetAsync(line.OutRefundNo!, cancellationToken);
        var providerDone = line.RefundState is null or "SUCCESS";
        var discrepancy = New(run, DiscrepancyKinds.RefundProviderOnly, DiscrepancyStatuses.Open, line) with
        {
            RefundId = line.OutRefundNo,
            ProviderAmount = line.RefundAmount,
            ProviderState = line.RefundState ?? line.TradeState,
            GatewayAmount = refund?.Amount,
            GatewayState = refund?.Status.ToName(),
        };
        if (refund is null || refund.ProviderInstance != run.ProviderInstance)
        {
            return discrepancy with { Detail = $"Refund {line.OutRefundNo} of {line.OutTradeNo} ({line.RefundAmount} fen, {line.RefundState}) is not in the gateway's ledger." };
        }

        if (refund.Amount != line.RefundAmount)
        {
            return discrepancy with { Kind = DiscrepancyKinds.RefundAmountMismatch, Detail = $"The provider refunded {line.RefundAmount} fen, the ledger has {refund.Amount} fen." };
        }

        if ((refund.Status == RefundStatus.Succeeded) == providerDone)
        {
            return null;
        }

        discrepancy = discrepancy with { Kind = DiscrepancyKinds.RefundStatusMismatch };
        if (providerDone && refund.Status == RefundStatus.Pending)
        {
            var synced = await healer.HealAsync(refund, cancellationToken);
            var healed = synced.Status == RefundStatus.Succeeded;
            return discrepancy with
            {
                Status = healed ? DiscrepancyStatuses.Healed : DiscrepancyStatuses.Open,
                GatewayState = synced.Status.ToName(),
                Detail = healed
                    ? "Refunded at the provider, pending here (no notify); queried and settled by this run."
                    : $"Refunded at the provider, pending here; the query left it {synced.Status.ToName()}.",
            };
        }

        return discrepancy with { Detail = $"The provider reports the refund {line.RefundState}; the ledger has it {refund.Status.ToName()}." };
    }
}
