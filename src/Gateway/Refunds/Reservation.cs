using Gateway.Abstractions.Payments;

namespace Gateway.Refunds;

/// <summary>What <see cref="RefundLedger.ReserveAsync"/> found.</summary>
internal sealed record Reservation(ReservationOutcome Outcome)
{
    public RefundRecord? Existing { get; init; }
    public long Remaining { get; init; }
    public PaymentStatus? PaymentStatus { get; init; }
}

internal enum ReservationOutcome
{
    Reserved,
    PaymentNotFound,
    InvalidState,
    ExceedsPaid,
    Duplicate,
}

/// <summary>A pending refund's end.</summary>
internal sealed record RefundSettlement(string RefundId, RefundStatus To)
{
    public string? ProviderRefundId { get; init; }
    public string? ProviderState { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public DateTimeOffset? SucceededAt { get; init; }
}
