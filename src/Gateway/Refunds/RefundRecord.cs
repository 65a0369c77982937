namespace Gateway.Refunds;

/// <summary>A refund as stored: its own row, reserving its amount against the payment from the moment it is written.</summary>
internal sealed record RefundRecord
{
    public required string Id { get; init; }
    public required string PaymentId { get; init; }
    public required string ClientId { get; init; }

    /// <summary>The payment's instance (order affinity: the refund goes where the payment was made).</summary>
    public required string ProviderInstance { get; init; }
    public required string MerchantRefundId { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    public string? Reason { get; init; }
    public required RefundStatus Status { get; init; }

    /// <summary><c>api</c> (sent to the provider) or <c>offline</c> (made by hand, recorded by ops).</summary>
    public required string Source { get; init; }
    public string? ProviderRefundId { get; init; }

    /// <summary>The provider's own last word (e.g. <c>PROCESSING</c>, <c>SUCCESS</c>, <c>CHANGE</c>, <c>REFUNDCLOSE</c>).</summary>
    public string? ProviderState { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SucceededAt { get; init; }

    /// <summary>When refund sync should next ask the provider, while pending.</summary>
    public DateTimeOffset? NextSyncAt { get; init; }
    public int SyncAttempts { get; init; }
}

/// <summary>A refund's life cycle: <c>pending → succeeded | failed</c>.</summary>
internal enum RefundStatus
{
    /// <summary>Written (reserving its amount) and sent or about to be sent; waiting for the provider's result.</summary>
    Pending,

    /// <summary>The money went back.</summary>
    Succeeded,

    /// <summary>The provider refused or closed it; its amount is released.</summary>
    Failed,
}

/// <summary>The snake_case names of <see cref="RefundStatus"/>, used in the API and the store.</summary>
internal static class RefundStatusNames
{
    public static string ToName(this RefundStatus status) => status switch
    {
        RefundStatus.Pending => "pending",
        RefundStatus.Succeeded => "succeeded",
        RefundStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static RefundStatus Parse(string name) => name switch
    {
        "pending" => RefundStatus.Pending,
        "succeeded" => RefundStatus.Succeeded,
        "failed" => RefundStatus.Failed,
        _ => throw new InvalidOperationException($"Unknown refund status '{name}' in the store."),
    };
}
