namespace Gateway.Client.Refunds;

/// <summary>The body of <c>POST /v1/payments/{id}/refunds</c>.</summary>
public sealed record CreateRefundRequest
{
    /// <summary>Fen to refund; null refunds what is left of the payment.</summary>
    public long? Amount { get; init; }

    /// <summary>Your id for this refund, unique per client: the gateway refuses a second refund under it.</summary>
    public required string MerchantRefundId { get; init; }

    /// <summary>Shown to the payer by some providers.</summary>
    public string? Reason { get; init; }
}
