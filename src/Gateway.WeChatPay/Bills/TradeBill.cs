namespace Gateway.WeChatPay.Bills;

/// <summary>
/// A parsed transaction bill (<c>pay/downloadbill</c>, docs/protocols.md G1.3): the trade lines in file order
/// and the summary row. Amounts are converted from the bill's yuan to fen.
/// </summary>
public sealed record TradeBill(IReadOnlyList<TradeBillRow> Rows, TradeBillSummary Summary);

/// <summary>One trade line, with every column by its Chinese name (<see cref="Fields"/>) and the ones the gateway uses typed.</summary>
public sealed record TradeBillRow
{
    /// <summary>Every column of the line by header name, back-ticks removed.</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>交易时间 (Beijing time).</summary>
    public required DateTimeOffset TradeTime { get; init; }

    /// <summary>公众账号ID.</summary>
    public string? AppId { get; init; }

    /// <summary>微信订单号 (transaction_id).</summary>
    public required string TransactionId { get; init; }

    /// <summary>商户订单号 (out_trade_no).</summary>
    public required string OutTradeNo { get; init; }

    /// <summary>交易类型 (NATIVE, JSAPI…).</summary>
    public string? TradeType { get; init; }

    /// <summary>交易状态: SUCCESS, REFUND, REVOKED.</summary>
    public required string TradeState { get; init; }

    /// <summary>货币种类.</summary>
    public string? Currency { get; init; }

    /// <summary>应结订单金额 (总金额 in the old layout), fen.</summary>
    public long SettlementFee { get; init; }

    /// <summary>订单金额, fen; the settlement amount in the old layout, which has no such column.</summary>
    public long OrderFee { get; init; }

    /// <summary>商户退款单号 (out_refund_no), null when the line is no refund (the bill writes <c>0</c>).</summary>
    public string? OutRefundNo { get; init; }

    /// <summary>微信退款单号 (refund_id), null when the line is no refund.</summary>
    public string? RefundId { get; init; }

    /// <summary>退款金额, fen.</summary>
    public long RefundFee { get; init; }

    /// <summary>退款状态 (SUCCESS, PROCESSING…), null when the line is no refund.</summary>
    public string? RefundStatus { get; init; }
}

/// <summary>The summary row. Amounts in fen.</summary>
/// <param name="TradeCount">总交易单数.</param>
/// <param name="SettlementTotal">应结订单总金额 (总交易额 in the old layout).</param>
/// <param name="RefundTotal">退款总金额 (总退款金额 in the old layout).</param>
/// <param name="OrderTotal">订单总金额; null in the old layout.</param>
public sealed record TradeBillSummary(int TradeCount, long SettlementTotal, long RefundTotal, long? OrderTotal);
