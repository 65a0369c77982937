namespace Gateway.Reconciliation;

/// <summary>
/// One reconciliation of an instance's statement for one provider day against the ledger. Amounts in fen.
/// "statement" totals are summed from the statement's lines, "summary" ones are its own summary row, "gateway"
/// ones are the payments that succeeded here on that day and the refunds applied for that day that succeeded (after healing).
/// </summary>
internal sealed record ReconciliationRun
{
    public required string Id { get; init; }
    public required string ProviderInstance { get; init; }
    public required DateOnly BillDate { get; init; }
    public required string TriggeredBy { get; init; }
    public required string Status { get; init; }
    public string? ProviderMessage { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public long? StatementCount { get; init; }
    public long? StatementAmount { get; init; }
    public long? StatementRefundAmount { get; init; }
    public long? SummaryCount { get; init; }
    public long? SummaryAmount { get; init; }
    public long? SummaryRefundAmount { get; init; }
    public long? GatewayCount { get; init; }
    public long? GatewayAmount { get; init; }
    public long? GatewayRefundAmount { get; init; }
    public bool? TotalsMatch { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>Run states.</summary>
internal static class RunStatuses
{
    public const string Running = "running";

    /// <summary>The statement was compared line by line (there may be discrepancies).</summary>
    public const string Completed = "completed";

    /// <summary>The provider has no bill for the day (no trades); the ledger was still checked for gateway-only payments.</summary>
    public const string NoBill = "no_bill";

    /// <summary>The instance's plugin offers no statement (PaysAPI).</summary>
    public const string NotSupported = "not_supported";

    /// <summary>The statement could not be fetched or read; the scheduler retries with backoff.</summary>
    public const string Failed = "failed";
}

/// <summary>Who started a run.</summary>
internal static class RunTriggers
{
    public const string Schedule = "schedule";
    public const string Admin = "admin";
}
