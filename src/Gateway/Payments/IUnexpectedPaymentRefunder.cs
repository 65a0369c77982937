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
    /// <summary>Starts the refund of <paramref name="payment"/>'s paid amount; must not throw for a provider refusal.</summary>
    Task RefundAsync(PaymentRecord payment, CancellationToken cancellationToken);
}
