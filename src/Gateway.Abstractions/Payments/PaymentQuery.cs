namespace Gateway.Abstractions.Payments;

/// <summary>Identifies a payment at the provider, for query and close.</summary>
/// <param name="PaymentId">The gateway payment id (the provider's merchant order number).</param>
/// <param name="ProviderTransactionId">The provider's transaction id, once known.</param>
/// <param name="Amount">The payment amount in fen, for providers that need it.</param>
public sealed record PaymentQuery(string PaymentId, string? ProviderTransactionId = null, long Amount = 0);

/// <summary>The provider's view of a payment.</summary>
/// <param name="Status">The provider state mapped to the gateway's.</param>
/// <param name="ProviderState">The provider's own state (e.g. WeChat <c>trade_state</c>).</param>
public sealed record PaymentQueryResult(PaymentStatus Status, string ProviderState)
{
    /// <summary>The provider's transaction id, once paid.</summary>
    public string? ProviderTransactionId { get; init; }

    /// <summary>The amount the provider says was paid, in fen.</summary>
    public long? PaidAmount { get; init; }

    /// <summary>The currency the provider reports.</summary>
    public string? Currency { get; init; }

    /// <summary>When the provider says it was paid.</summary>
    public DateTimeOffset? PaidAt { get; init; }
}

/// <summary>The provider's answer to a close.</summary>
/// <param name="ProviderState">The provider's own result code.</param>
public sealed record CloseResult(string ProviderState);

/// <summary>A refund the host asks a provider to make.</summary>
public sealed record RefundRequest
{
    /// <summary>The payment being refunded.</summary>
    public required PaymentQuery Payment { get; init; }

    /// <summary>The gateway refund id (the provider's merchant refund number).</summary>
    public required string RefundId { get; init; }

    /// <summary>The payment's total, in fen.</summary>
    public required long TotalAmount { get; init; }

    /// <summary>This refund's amount, in fen.</summary>
    public required long RefundAmount { get; init; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    /// <summary>Why, shown to the payer when the provider supports it.</summary>
    public string? Reason { get; init; }
}

/// <summary>The provider's answer to a refund request (accepted, not necessarily done).</summary>
/// <param name="ProviderRefundId">The provider's refund id.</param>
/// <param name="ProviderState">The provider's own state.</param>
public sealed record RefundResult(string? ProviderRefundId, string ProviderState);
