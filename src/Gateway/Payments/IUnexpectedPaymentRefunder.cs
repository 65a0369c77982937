using Gateway.Store;

namespace Gateway.Payments;

/// <summary>
/// Gives back money held in <c>requires_review</c> when <c>Gateway:Payments:OnUnexpectedPayment</c> is
/// <c>Refund</c>. Called after the review transition is durable; the payment stays in review if the refund
/// cannot be made. The refund feature registers the implementation; without one, <c>Refund</c> is refused
/// at start-up.
/// </summary>
internal interface IUnexpectedPaymentRefunder
{
    /// <summary>
    /// The id the refund will have if <paramref name="payment"/>'s provider can refund now, else null (it just stays
    /// in review). Called before the review transition, so its webhook can name the refund.
    /// </summary>
    string? PlanRefund(PaymentRecord payment);

    /// <summary>Starts the refund named by <see cref="PaymentRecord.ReviewRefundId"/> of <paramref name="payment"/>'s paid amount; must not throw for a provider refusal.</summary>
    Task RefundAsync(PaymentRecord payment, CancellationToken cancellationToken);
}
