using System.Data.Common;
using Gateway.Store;

namespace Gateway.Refunds;

/// <summary>
/// The pending row of the refund a review plans (OnUnexpectedPayment=Refund), written in the review transition's
/// transaction: all that was paid, not yet sent. Nothing else can have reserved part of a payment that was not paid
/// until this transition, so the paid-amount invariant holds without the ledger's check.
/// </summary>
internal sealed class ReviewRefundRow(
    string refundId, PaymentRecord payment, string merchantRefundId, string reason, DateTimeOffset now, DateTimeOffset nextSyncAt) : ITransitionAttachment
{
    public Task WriteAsync(DbConnection connection, DbTransaction transaction, PaymentTransition transition, CancellationToken cancellationToken)
        => RefundLedger.InsertAsync(connection, transaction, new RefundRecord
        {
            Id = refundId,
            PaymentId = payment.Id,
            ClientId = payment.ClientId,
            ProviderInstance = payment.ProviderInstance,
            MerchantRefundId = merchantRefundId,
            Amount = transition.PaidAmount ?? payment.Amount,
            Currency = payment.Currency,
            Reason = reason,
            Status = RefundStatus.Pending,
            Source = RefundSources.Api,
            CreatedAt = now,
            UpdatedAt = now,
            NextSyncAt = nextSyncAt,
        }, cancellationToken);
}
