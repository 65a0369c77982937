using Gateway.Store;

namespace Gateway.Payments;

/// <summary>
/// Gives back money held in <c>requires_review</c> when <c>Gateway:Payments:OnUnexpectedPayment</c> is
/// <c>Refund</c>. The refund row is written (pending, not yet sent) in the review transition's transaction, so the
/// id the review announces always exists; it is sent once the review is durable, and the payment stays in review if
/// the provider refuses it. The refund feature registers the implementation; without one, <c>Refund</c> is refused
/// at start-up.
/// </summary>
internal interface IUnexpectedPaymentRefunder
{
    /// <summary>
    /// The refund to write with the review of <paramref name="payment"/> if its provider can refund now, else null (it
    /// just stays in review). Called before the review transition, so its webhook can name the refund.
    /// </summary>
    PlannedRefund? PlanRefund(PaymentRecord payment);

    /// <summary>Sends the refund named by <see cref="PaymentRecord.ReviewRefundId"/> of <paramref name="payment"/>; must not throw for a provider refusal.</summary>
    Task RefundAsync(PaymentRecord payment, CancellationToken cancellationToken);
}

/// <summary>A refund's id and the write of its pending row, which commits with the review transition or not at all.</summary>
internal sealed record PlannedRefund(string Id, ITransitionAttachment Row);
