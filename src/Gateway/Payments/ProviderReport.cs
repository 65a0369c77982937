using Gateway.Abstractions.Payments;

namespace Gateway.Payments;

/// <summary>What a provider says happened to a payment, from a notify or a query, normalised.</summary>
internal sealed record ProviderReport
{
    public required PaymentStatus Status { get; init; }
    public string? ProviderTransactionId { get; init; }
    public long? Amount { get; init; }
    public long? PaidAmount { get; init; }
    public string? Currency { get; init; }
    public string? AppId { get; init; }
    public string? MerchantId { get; init; }
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>The plugin's reason the money cannot simply count (e.g. realprice outside the tolerance).</summary>
    public string? ReviewReason { get; init; }

    /// <summary>The provider's error, for a failure report.</summary>
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>"notify" or "sync", for logs.</summary>
    public required string Source { get; init; }
}

/// <summary>What <see cref="ProviderReportApplier"/> did with a report.</summary>
internal enum ReportOutcome
{
    /// <summary>The payment changed state.</summary>
    Applied,

    /// <summary>The payment was already in the reported state (a replay); nothing changed.</summary>
    AlreadyApplied,

    /// <summary>Nothing to do (e.g. still pending at the provider).</summary>
    NoChange,

    /// <summary>The report disagrees with the stored payment (amount, currency, app id, merchant); nothing changed.</summary>
    Mismatch,

    /// <summary>The report contradicts the payment's state (e.g. paid twice with different transactions); nothing changed.</summary>
    Conflict,

    /// <summary>Money was received but cannot count as the payment: it moved to requires_review.</summary>
    Review,

    /// <summary>A failure report was recorded on the still-pending payment.</summary>
    Recorded,
}
