namespace Gateway.Reconciliation;

/// <summary>A difference between the statement and the ledger. Amounts in fen.</summary>
internal sealed record Discrepancy
{
    public required string Id { get; init; }
    public required string RunId { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public string? PaymentId { get; init; }
    public string? RefundId { get; init; }
    public string? ProviderTransactionId { get; init; }
    public long? ProviderAmount { get; init; }
    public long? GatewayAmount { get; init; }
    public string? ProviderState { get; init; }
    public string? GatewayState { get; init; }
    public required string Detail { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What kind of difference (README: "Reconciliation").</summary>
internal static class DiscrepancyKinds
{
    /// <summary>Paid at the provider, missing or not succeeded here. Healed when a query settles it at once.</summary>
    public const string ProviderOnly = "provider_only";

    /// <summary>Succeeded here, absent from the statement.</summary>
    public const string GatewayOnly = "gateway_only";

    /// <summary>Both sides have it paid, for different amounts.</summary>
    public const string AmountMismatch = "amount_mismatch";

    /// <summary>The provider's state and the gateway's disagree in a way a query does not settle (closed here, paid there; reversed there).</summary>
    public const string StatusMismatch = "status_mismatch";

    /// <summary>A refund on the statement the gateway's ledger does not have (e.g. made by hand in the merchant platform).</summary>
    public const string RefundProviderOnly = "refund_provider_only";

    /// <summary>A refund that succeeded here, sent to the provider that day, absent from the statement.</summary>
    public const string RefundGatewayOnly = "refund_gateway_only";

    /// <summary>A refund on both sides, for different amounts.</summary>
    public const string RefundAmountMismatch = "refund_amount_mismatch";

    /// <summary>A refund done at the provider and not here, or the other way round.</summary>
    public const string RefundStatusMismatch = "refund_status_mismatch";
}

/// <summary>Discrepancy states.</summary>
internal static class DiscrepancyStatuses
{
    public const string Open = "open";

    /// <summary>The run fixed it (provider-only: queried and settled).</summary>
    public const string Healed = "healed";

    /// <summary>A later run of the same instance and day replaced it.</summary>
    public const string Superseded = "superseded";
}
