namespace Gateway.Abstractions.Statements;

/// <summary>One day's statement as the provider reported it.</summary>
/// <param name="Day">The statement's day, in the provider's calendar.</param>
/// <param name="NoBill">True when the provider answered that there is no bill for the day (no trades).</param>
/// <param name="ProviderMessage">The provider's own words for a day without a bill (e.g. <c>No Bill Exist</c>).</param>
public sealed record ProviderStatement(DateOnly Day, bool NoBill, string? ProviderMessage = null)
{
    /// <summary>The trade lines: payments, and refunds (lines with <see cref="StatementLine.OutRefundNo"/>).</summary>
    public IReadOnlyList<StatementLine> Lines { get; init; } = [];

    /// <summary>The statement's own totals (its summary row); null for a day without a bill.</summary>
    public StatementSummary? Summary { get; init; }
}

/// <summary>One trade line. Amounts are in fen.</summary>
/// <param name="OutTradeNo">The merchant order number, which is the gateway payment id.</param>
/// <param name="TransactionId">The provider's transaction id.</param>
/// <param name="TradeState">The provider's state of the trade (<c>SUCCESS</c>, <c>REFUND</c>, <c>REVOKED</c>…).</param>
/// <param name="TradeTime">When the trade (or the refund) happened.</param>
public sealed record StatementLine(string OutTradeNo, string TransactionId, string TradeState, DateTimeOffset TradeTime)
{
    /// <summary>The order amount.</summary>
    public long OrderAmount { get; init; }

    /// <summary>The settlement amount (order amount less coupons; 0 on refund lines).</summary>
    public long SettlementAmount { get; init; }

    /// <summary>The merchant refund number, on refund lines.</summary>
    public string? OutRefundNo { get; init; }

    /// <summary>The refunded amount, on refund lines.</summary>
    public long RefundAmount { get; init; }

    /// <summary>The provider's refund state (<c>SUCCESS</c>, <c>PROCESSING</c>…), on refund lines.</summary>
    public string? RefundState { get; init; }

    /// <summary>True for a refund line.</summary>
    public bool IsRefund => OutRefundNo is not null;
}

/// <summary>The statement's summary row. Amounts are in fen.</summary>
/// <param name="TradeCount">The number of trade lines.</param>
/// <param name="SettlementTotal">The total settlement amount.</param>
/// <param name="RefundTotal">The total refunded.</param>
public sealed record StatementSummary(int TradeCount, long SettlementTotal, long RefundTotal);
