using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Statements;
using Gateway.Payments;
using Gateway.Refunds;
using Gateway.Store;

namespace Gateway.Reconciliation;

/// <summary>
/// Compares one statement with the ledger, line by line (by <c>out_trade_no</c>, which is the gateway payment id):
/// a paid line whose payment is still pending here is synced at once (the provider's query, applied as any
/// sync is), and healed if that settles it. Refund lines are matched to the refund ledger by <c>out_refund_no</c>
/// (the gateway refund id): one done there and pending here is queried and settled at once, like a payment; one that
/// succeeded here and is missing from the statement is refund-gateway-only. A statement is the merchant's, not the
/// instance's: a line whose payment belongs to another instance of the same merchant (Native and JSAPI on one mch_id)
/// is that instance's to reconcile, and is left out of this run's lines and totals.
/// </summary>
internal sealed partial class StatementMatcher(
    IPaymentStore payments, PaymentSynchronizer synchronizer, RefundLedger refunds, RefundHealer healer, ReconciliationStore store, TimeProvider time)
{
    private const string Paid = "SUCCESS";

    // A refund does not undo the payment line: the bill keeps it SUCCESS and lists the refund on a line of its own.
    private static readonly PaymentStatus[] PaidHere = [PaymentStatus.Succeeded, PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded];

    /// <param name="run">The run.</param>
    /// <param name="merchantId">The run's instance's merchant id (whose statement this is).</param>
    /// <param name="statement">The statement.</param>
    /// <param name="dayStart">The start of the statement's day.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The discrepancies, the gateway's totals, and the statement's lines that are this instance's.</returns>
    public async Task<(List<Discrepancy> Found, long GatewayCount, long GatewayAmount, long GatewayRefundAmount, List<StatementLine> Own)> MatchAsync(
        ReconciliationRun run, string merchantId, ProviderStatement statement, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        var found = new List<Discrepancy>();
        var own = new List<StatementLine>(statement.Lines.Count);
        var onStatement = new HashSet<string>(StringComparer.Ordinal);
        var refundsOnStatement = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in statement.Lines)
        {
            var payment = await payments.GetAsync(line.OutTradeNo, cancellationToken);
            if (payment is not null && payment.ProviderInstance != run.ProviderInstance && payment.MerchantId == merchantId)
            {
                continue; // another instance's trade on the same merchant's statement: its own run reconciles it
            }

            own.Add(line);
            if (line.IsRefund)
            {
                refundsOnStatement.Add(line.OutRefundNo!);
                if (await CompareRefundAsync(run, line, cancellationToken) is { } refund)
                {
                    found.Add(refund);
                }

                continue;
            }

            onStatement.Add(line.OutTradeNo);
            if (await CompareAsync(run, line, payment, cancellationToken) is { } discrepancy)
            {
                found.Add(discrepancy);
            }
        }

        // Read after healing, so a healed payment counts on the gateway's side too.
        var ledger = await store.SucceededBetweenAsync(run.ProviderInstance, dayStart, dayStart.AddDays(1), cancellationToken);
        foreach (var (id, amount, status) in ledger.Where(p => !onStatement.Contains(p.Id)))
        {
            found.Add(New(run, DiscrepancyKinds.GatewayOnly, DiscrepancyStatuses.Open, null) with
            {
                PaymentId = id,
                GatewayAmount = amount,
                GatewayState = status,
                Detail = statement.NoBill
                    ? $"Succeeded here ({amount} fen), but the provider has no bill for the day."
                    : $"Succeeded here ({amount} fen), absent from the provider's statement.",
            });
        }

        var refunded = await GatewayOnlyRefundsAsync(run, refundsOnStatement, dayStart, found, cancellationToken);
        return (found, ledger.Count, ledger.Sum(p => p.Amount), refunded.Sum(r => r.Amount), own);
    }

    private async Task<Discrepancy?> CompareAsync(ReconciliationRun run, StatementLine line, PaymentRecord? payment, CancellationToken cancellationToken)
    {
        if (payment is null || payment.ProviderInstance != run.ProviderInstance)
        {
            return line.TradeState == Paid
                ? New(run, DiscrepancyKinds.ProviderOnly, DiscrepancyStatuses.Open, line) with
                {
                    Detail = $"Paid at the provider ({line.OrderAmount} fen); the gateway has no such payment at {run.ProviderInstance}.",
                }
                : null;
        }

        if (line.TradeState != Paid)
        {
            // A reversed (REVOKED) trade: the money went back, so it must not count as paid here.
            return PaidHere.Contains(payment.Status)
                ? Mismatch(run, line, payment, $"The provider reports {line.TradeState}; the gateway has it succeeded.")
                : null;
        }

        if (payment.Status == PaymentStatus.Pending)
        {
            var synced = await synchronizer.SyncAsync(payment, cancellationToken);
            var healed = synced.Status == PaymentStatus.Succeeded;
            return New(run, DiscrepancyKinds.ProviderOnly, healed ? DiscrepancyStatuses.Healed : DiscrepancyStatuses.Open, line) with
            {
                PaymentId = payment.Id,
                GatewayAmount = synced.PaidAmount,
                GatewayState = synced.Status.ToName(),
                Detail = healed
                    ? "Paid at the provider, pending here (no notify); queried and settled by this run."
                    : $"Paid at the provider, pending here; the query left it {synced.Status.ToName()}.",
            };
        }

        if (!PaidHere.Contains(payment.Status))
        {
            return Mismatch(run, line, payment, payment.Status == PaymentStatus.RequiresReview
                ? $"Paid at the provider; held for review here ({payment.ReviewReason})."
                : $"Paid at the provider; {payment.Status.ToName()} here.");
        }

        var amount = payment.PaidAmount ?? payment.Amount;
        return amount == line.OrderAmount ? null : New(run, DiscrepancyKinds.AmountMismatch, DiscrepancyStatuses.Open, line) with
        {
            PaymentId = payment.Id,
            GatewayAmount = amount,
            GatewayState = payment.Status.ToName(),
            Detail = $"The provider has {line.OrderAmount} fen, the gateway {amount} fen.",
        };
    }

    private Discrepancy Mismatch(ReconciliationRun run, StatementLine line, PaymentRecord payment, string detail)
        => New(run, DiscrepancyKinds.StatusMismatch, DiscrepancyStatuses.Open, line) with
        {
            PaymentId = payment.Id,
            GatewayAmount = payment.PaidAmount,
            GatewayState = payment.Status.ToName(),
            Detail = detail,
        };

    private Discrepancy New(ReconciliationRun run, string kind, string status, StatementLine? line) => new()
    {
        Id = "rcd_" + Guid.NewGuid().ToString("N"),
        RunId = run.Id,
        Kind = kind,
        Status = status,
        PaymentId = line?.OutTradeNo,
        ProviderTransactionId = line?.TransactionId,
        ProviderAmount = line?.OrderAmount,
        ProviderState = line?.TradeState,
        Detail = "",
        CreatedAt = time.GetUtcNow(),
    };
}
