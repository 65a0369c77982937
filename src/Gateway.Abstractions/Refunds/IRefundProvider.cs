using Gateway.Abstractions.Payments;

namespace Gateway.Abstractions.Refunds;

/// <summary>
/// An optional capability of a provider instance (contract 1.2): the provider has a refund API. An instance that
/// implements it also overrides <see cref="IPaymentProvider.RefundAsync"/>; one that does not is answered
/// <c>refunds_not_supported</c> by the host. Refund notifies come through <see cref="Notify.INotifyHandler"/>
/// as <see cref="Notify.NotifyParseResult.Refund"/>.
/// </summary>
public interface IRefundProvider
{
    /// <summary>
    /// Null when refunds can be made now; otherwise why not (e.g. the API client certificate is missing or
    /// expired), free of secrets. The host refuses refunds with this text and shows it as a readiness detail.
    /// </summary>
    string? RefundsUnavailableReason { get; }

    /// <summary>Asks the provider for the state of a refund the host asked for earlier (by its refund id).</summary>
    Task<ProviderResult<RefundQueryResult>> QueryRefundAsync(RefundQuery query, CancellationToken cancellationToken);
}

/// <summary>Identifies a refund at the provider.</summary>
/// <param name="RefundId">The gateway refund id (the provider's merchant refund number).</param>
/// <param name="PaymentId">The refunded payment's id.</param>
/// <param name="ProviderRefundId">The provider's refund id, once known.</param>
public sealed record RefundQuery(string RefundId, string PaymentId, string? ProviderRefundId = null);

/// <summary>The provider's view of a refund.</summary>
/// <param name="State">The provider state mapped to the gateway's.</param>
/// <param name="ProviderState">The provider's own state (e.g. WeChat <c>refund_status</c>).</param>
public sealed record RefundQueryResult(RefundState State, string ProviderState)
{
    /// <summary>The provider's refund id.</summary>
    public string? ProviderRefundId { get; init; }

    /// <summary>The refunded amount the provider reports, in fen.</summary>
    public long? Amount { get; init; }

    /// <summary>When the money went back, once it did.</summary>
    public DateTimeOffset? SucceededAt { get; init; }
}

/// <summary>A refund's state at the provider.</summary>
public enum RefundState
{
    /// <summary>Accepted and still being processed.</summary>
    Processing,

    /// <summary>The money went back to the payer.</summary>
    Succeeded,

    /// <summary>The refund ended without the money going back (closed, or abnormal and left to a person).</summary>
    Failed,

    /// <summary>The provider has no such refund: it was never accepted, so it may be sent (again).</summary>
    NotFound,
}

/// <summary>A refund result notify, decrypted or verified and normalised.</summary>
public sealed record RefundNotification
{
    /// <summary>The gateway refund id the provider echoes (WeChat <c>out_refund_no</c>).</summary>
    public required string RefundId { get; init; }

    /// <summary>The refunded payment's id (WeChat <c>out_trade_no</c>).</summary>
    public required string PaymentId { get; init; }

    /// <summary>The provider's refund id.</summary>
    public string? ProviderRefundId { get; init; }

    /// <summary>The outcome.</summary>
    public required RefundState State { get; init; }

    /// <summary>The provider's own state (e.g. <c>SUCCESS</c>, <c>CHANGE</c>, <c>REFUNDCLOSE</c>).</summary>
    public required string ProviderState { get; init; }

    /// <summary>The refund amount the provider reports, in fen; must equal the stored refund's.</summary>
    public required long Amount { get; init; }

    /// <summary>The payment total the provider reports, in fen; must equal the stored payment's.</summary>
    public long? TotalAmount { get; init; }

    /// <summary>The app id in the notify, checked against the payment's.</summary>
    public string? AppId { get; init; }

    /// <summary>The merchant id in the notify, checked against the payment's.</summary>
    public string? MerchantId { get; init; }

    /// <summary>When the money went back.</summary>
    public DateTimeOffset? SucceededAt { get; init; }
}
