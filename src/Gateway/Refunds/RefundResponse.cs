namespace Gateway.Refunds;

/// <summary>A refund as the API and its webhooks show it.</summary>
public sealed record RefundResponse
{
    public required string Id { get; init; }
    public required string PaymentId { get; init; }
    public required string Status { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    public required string MerchantRefundId { get; init; }
    public string? Reason { get; init; }

    /// <summary><c>api</c>, or <c>offline</c> for a refund ops made by hand and recorded.</summary>
    public required string Source { get; init; }
    public string? ProviderRefundId { get; init; }
    public string? ProviderState { get; init; }
    public RefundError? Error { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SucceededAt { get; init; }

    internal static RefundResponse From(RefundRecord r) => new()
    {
        Id = r.Id,
        PaymentId = r.PaymentId,
        Status = r.Status.ToName(),
        Amount = r.Amount,
        Currency = r.Currency,
        MerchantRefundId = r.MerchantRefundId,
        Reason = r.Reason,
        Source = r.Source,
        ProviderRefundId = r.ProviderRefundId,
        ProviderState = r.ProviderState,
        Error = r.ErrorCode is null ? null : new RefundError(r.ErrorCode, r.ErrorMessage),
        CreatedAt = r.CreatedAt,
        SucceededAt = r.SucceededAt,
    };
}

/// <summary>Why a refund failed, with the provider's own code (e.g. <c>CHANGE</c>, <c>REFUNDCLOSE</c>, <c>NOTENOUGH</c>).</summary>
public sealed record RefundError(string Code, string? Message);

/// <summary>A list of refunds.</summary>
public sealed record RefundList(IReadOnlyList<RefundResponse> Data);
