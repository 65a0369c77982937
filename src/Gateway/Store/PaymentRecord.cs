using Gateway.Abstractions.Payments;

namespace Gateway.Store;

/// <summary>A payment as stored. Immutable; the store changes rows only through conditional transitions.</summary>
internal sealed record PaymentRecord
{
    public required string Id { get; init; }
    public required string ClientId { get; init; }
    public required string MerchantOrderId { get; init; }
    public required string Channel { get; init; }

    /// <summary>The provider instance that created it (order affinity: everything about it goes there).</summary>
    public required string ProviderInstance { get; init; }
    public required string Plugin { get; init; }

    /// <summary>The instance's app id when the payment was created; notifies must carry the same.</summary>
    public string? AppId { get; init; }

    /// <summary>The instance's merchant id when the payment was created; notifies must carry the same.</summary>
    public required string MerchantId { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    public required string Description { get; init; }
    public required string ClientIp { get; init; }
    public string? PayerOpenId { get; init; }
    public string? ProductId { get; init; }
    public string? NotifyUrl { get; init; }

    /// <summary>
    /// <c>any</c> for an aggregated checkout (the payer chooses <see cref="Channel"/> and the instance on the checkout
    /// page; until then both are empty); null when the merchant named the channel.
    /// </summary>
    public string? RequestedChannel { get; init; }

    /// <summary>True for an aggregated checkout whose payer has not chosen a channel yet (no provider order exists).</summary>
    public bool AwaitsChoice => RequestedChannel is not null && ProviderInstance.Length == 0;

    /// <summary>Where the checkout page sends the payer after success.</summary>
    public string? ReturnUrl { get; init; }
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    public required PaymentStatus Status { get; init; }
    public PaymentAction? Action { get; init; }
    public string? ProviderReference { get; init; }
    public string? ProviderTransactionId { get; init; }
    public long? PaidAmount { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>Why the payment was held for review (<see cref="ReviewReasons"/>), kept after the review.</summary>
    public string? ReviewReason { get; init; }

    /// <summary>The review's detail in words (e.g. the provider's own account of the amount paid).</summary>
    public string? ReviewDetail { get; init; }

    /// <summary>
    /// The refund giving back money held in review; such a payment does not count as its order's payment
    /// (migration 0006) and cannot be accepted while it is set.
    /// </summary>
    public string? ReviewRefundId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>The W3C traceparent of the create request, so later spans can link back to it.</summary>
    public string? TraceParent { get; init; }

    /// <summary>When the background sync should next ask the provider, while pending.</summary>
    public DateTimeOffset? NextSyncAt { get; init; }

    /// <summary>How many times the background sync has asked the provider.</summary>
    public int SyncAttempts { get; init; }
}
