namespace Gateway.Client.Refunds;

/// <summary>A refund as <c>/v1</c> and the <c>refund.*</c> webhooks show it. Amounts are integers in fen.</summary>
public sealed record Refund
{
    /// <summary>The gateway's refund id (<c>ref_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The refunded payment.</summary>
    public required string PaymentId { get; init; }

    /// <summary>One of <see cref="RefundStatuses"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Fen refunded (or being refunded).</summary>
    public required long Amount { get; init; }

    /// <summary>The payment's currency.</summary>
    public required string Currency { get; init; }

    /// <summary>Your id for this refund.</summary>
    public required string MerchantRefundId { get; init; }

    /// <summary>The reason given at creation.</summary>
    public string? Reason { get; init; }

    /// <summary><c>api</c>, or <c>offline</c> for a refund ops made by hand and recorded.</summary>
    public required string Source { get; init; }

    /// <summary>The provider's refund id, once known.</summary>
    public string? ProviderRefundId { get; init; }

    /// <summary>The provider's own state, as last reported.</summary>
    public string? ProviderState { get; init; }

    /// <summary>Why it failed, when <see cref="Status"/> is <see cref="RefundStatuses.Failed"/>.</summary>
    public RefundError? Error { get; init; }

    /// <summary>When it was requested.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the money went back.</summary>
    public DateTimeOffset? SucceededAt { get; init; }
}

/// <summary>Why a refund failed, with the provider's own code (e.g. <c>NOTENOUGH</c>).</summary>
/// <param name="Code">The provider's code.</param>
/// <param name="Message">Its explanation, if any.</param>
public sealed record RefundError(string Code, string? Message);

/// <summary>The statuses a refund can have: pending until the provider settles it.</summary>
public static class RefundStatuses
{
    /// <summary>Accepted, waiting for the provider's result.</summary>
    public const string Pending = "pending";

    /// <summary>The money went back.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The provider refused or closed it; its amount can be refunded again.</summary>
    public const string Failed = "failed";
}

internal sealed record RefundList(IReadOnlyList<Refund> Data);
