using System.Data.Common;
using Gateway.Abstractions.Payments;
using Gateway.Store;
using Gateway.Webhooks;
using Microsoft.Data.Sqlite;

namespace Gateway.Refunds;

/// <summary>
/// The refunds of every payment, with the invariant <em>sum of refunds not failed ≤ paid amount</em>: a refund is
/// inserted in the same transaction that reads what is already reserved, with the payment row locked
/// (PostgreSQL <c>FOR UPDATE</c>; SQLite <c>BEGIN IMMEDIATE</c>), so concurrent refunds cannot both fit into the
/// same remainder. Settling a refund, moving the payment to <c>partially_refunded</c>/<c>refunded</c> and writing
/// its webhook event are one transaction too.
/// </summary>
internal sealed partial class RefundLedger
{
    private readonly StoreDialect _dialect;
    private readonly RefundEventFactory _events;

    public RefundLedger(StoreDialect dialect, RefundEventFactory events)
    {
        _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        _events = events ?? throw new ArgumentNullException(nameof(events));
    }

    /// <summary>
    /// Writes <paramref name="refund"/> if the payment is refundable and the amount fits what remains; a
    /// <see cref="RefundStatus.Succeeded"/> refund (recorded offline) also moves the payment and writes its event.
    /// <paramref name="fromReview"/>: the refund gives back a <c>requires_review</c> payment's money (admin, or
    /// OnUnexpectedPayment=Refund); only then is a payment in review refundable, and the payment is marked with the
    /// refund's id in the same transaction, so it cannot be accepted meanwhile.
    /// </summary>
    public async Task<Reservation> ReserveAsync(RefundRecord refund, CancellationToken cancellationToken, bool fromReview = false)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var payment = await LockPaymentAsync(connection, transaction, refund.PaymentId, cancellationToken);
        if (payment is null)
        {
            return new(ReservationOutcome.PaymentNotFound);
        }

        var existing = await QueryAsync(connection, transaction, $"SELECT {RefundSchema.Columns} FROM refunds WHERE client_id = @c AND merchant_refund_id = @m",
            c => c.Add("c", refund.ClientId).Add("m", refund.MerchantRefundId), cancellationToken);
        if (existing.Count > 0)
        {
            return new(ReservationOutcome.Duplicate) { Existing = existing[0], PaymentStatus = payment.Status };
        }

        // A refunded payment is still "paid": what remains (nothing) decides, so a further refund is refund_exceeds_paid.
        var givesBackReview = fromReview && payment.Status == PaymentStatus.RequiresReview && (payment.ReviewRefundId ?? refund.Id) == refund.Id;
        if (fromReview ? !givesBackReview : payment.Status is not (PaymentStatus.Succeeded or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded))
        {
            return new(ReservationOutcome.InvalidState) { PaymentStatus = payment.Status };
        }

        var reserved = await ScalarAsync(connection, transaction,
            "SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE payment_id = @p AND status <> 'failed'", c => c.Add("p", refund.PaymentId), cancellationToken);
        var remaining = payment.Paid - reserved;
        if (refund.Amount <= 0 || refund.Amount > remaining)
        {
            return new(ReservationOutcome.ExceedsPaid) { Remaining = remaining, PaymentStatus = payment.Status };
        }

        await InsertAsync(connection, transaction, refund, cancellationToken);

        if (givesBackReview)
        {
            await MarkReviewRefundAsync(connection, transaction, payment.Id, refund.Id, refund.CreatedAt, cancellationToken);
        }

        if (refund.Status == RefundStatus.Succeeded)
        {
            await AfterSettledAsync(connection, transaction, payment, refund, WebhookEventTypes.RefundSucceeded, refund.CreatedAt, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new(ReservationOutcome.Reserved) { Remaining = remaining - refund.Amount, PaymentStatus = payment.Status };
    }

    /// <summary>
    /// Moves a pending refund to succeeded or failed (releasing its amount), moves the payment as refunds succeed,
    /// and writes the refund's webhook event, all in one transaction. False when the refund was not pending.
    /// </summary>
    public async Task<bool> SettleAsync(RefundSettlement settlement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var refunds = await QueryAsync(connection, transaction, $"SELECT {RefundSchema.Columns} FROM refunds WHERE id = @id",
            c => c.Add("id", settlement.RefundId), cancellationToken);
        if (refunds.Count == 0 || refunds[0].Status != RefundStatus.Pending)
        {
            return false;
        }

        // Locked first, so two refunds of one payment settling at once see each other when computing its status.
        var payment = await LockPaymentAsync(connection, transaction, refunds[0].PaymentId, cancellationToken);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE refunds SET status = @status, updated_at = @now, provider_refund_id = COALESCE(@provider_refund_id, provider_refund_id),
                    provider_state = COALESCE(@provider_state, provider_state), error_code = @error_code, error_message = @error_message,
                    succeeded_at = @succeeded_at, next_sync_at = NULL, sync_lease_owner = NULL, sync_lease_until = NULL
                WHERE id = @id AND status = 'pending'
                """;
            update.Add("status", settlement.To.ToName()).Add("now", now).Add("provider_refund_id", settlement.ProviderRefundId)
                .Add("provider_state", settlement.ProviderState).Add("error_code", settlement.ErrorCode).Add("error_message", settlement.ErrorMessage)
                .Add("succeeded_at", settlement.To == RefundStatus.Succeeded ? settlement.SucceededAt ?? now : null).Add("id", settlement.RefundId);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        var settled = refunds[0] with { Status = settlement.To };
        var type = settlement.To == RefundStatus.Succeeded ? WebhookEventTypes.RefundSucceeded : WebhookEventTypes.RefundFailed;
        await AfterSettledAsync(connection, transaction, payment!, settled, type, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Records the provider's refund id and state after it accepted the refund; the refund stays pending.</summary>
    public Task RecordAcceptedAsync(string id, string? providerRefundId, string providerState, DateTimeOffset now, CancellationToken cancellationToken)
        => _dialect.ExecuteAsync(
            """
            UPDATE refunds SET provider_refund_id = COALESCE(@provider_refund_id, provider_refund_id), provider_state = @state, updated_at = @now
            WHERE id = @id AND status = 'pending'
            """,
            c => c.Add("provider_refund_id", providerRefundId).Add("state", providerState).Add("now", now).Add("id", id),
            cancellationToken);
}
