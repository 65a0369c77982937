namespace Gateway.PaymentChanges;

/// <summary>
/// Told by the store after a payment's change is committed (a state transition, a new payer action), so an
/// open checkout page learns of it at once instead of by polling. Never throws and never blocks the caller:
/// a lost message only delays a page until its fallback poll.
/// </summary>
internal interface IPaymentChangePublisher
{
    void Publish(string paymentId);
}
