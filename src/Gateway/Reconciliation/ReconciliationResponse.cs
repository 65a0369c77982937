namespace Gateway.Reconciliation;

/// <summary>A run as the admin API shows it; <see cref="Discrepancies"/> only on the single-run views.</summary>
internal sealed record ReconciliationResponse(
    string Id, string Instance, DateOnly Date, string TriggeredBy, string Status, string? ProviderMessage, string? Error,
    DateTimeOffset? NextAttemptAt, ReconciliationTotals Totals, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<Discrepancy>? Discrepancies)
{
    public static ReconciliationResponse From(ReconciliationRun r, IReadOnlyList<Discrepancy>? discrepancies = null) => new(
        r.Id, r.ProviderInstance, r.BillDate, r.TriggeredBy, r.Status, r.ProviderMessage, r.Error, r.NextAttemptAt,
        new ReconciliationTotals(
            new(r.StatementCount, r.StatementAmount, r.StatementRefundAmount),
            new(r.SummaryCount, r.SummaryAmount, r.SummaryRefundAmount),
            new(r.GatewayCount, r.GatewayAmount, r.GatewayRefundAmount),
            r.TotalsMatch),
        r.StartedAt, r.FinishedAt, discrepancies);
}

/// <summary>
/// The statement's lines added up, its own summary row, and what succeeded here that day; <c>match</c> when the
/// three agree. Amounts in fen.
/// </summary>
internal sealed record ReconciliationTotals(TotalsRow Statement, TotalsRow Summary, TotalsRow Gateway, bool? Match);

/// <summary>A count and amounts, in fen.</summary>
internal sealed record TotalsRow(long? Count, long? Amount, long? RefundAmount);
