using System.Data.Common;
using System.Text;

namespace Gateway.Store;

internal sealed partial class SqlPaymentStore
{
    public async Task<bool> TryTransitionAsync(PaymentTransition t, DateTimeOffset now, CancellationToken cancellationToken)
        => (await TransitionAsync(t, null, now, cancellationToken)).Applied;

    public async Task<PaymentRecord?> TryTransitionIfOrderAgreesAsync(PaymentTransition t, ExpectedOrder order, DateTimeOffset now, CancellationToken cancellationToken)
        => (await TransitionAsync(t, order, now, cancellationToken)).Updated;

    /// <summary>
    /// One transaction: the conditional UPDATE (with the order check in its WHERE when <paramref name="order"/> is
    /// set), the webhook event it names and the attachment, then one commit. The updated row comes back from the
    /// UPDATE itself (RETURNING) whenever something needs it, never from a re-read.
    /// </summary>
    private async Task<(bool Applied, PaymentRecord? Updated)> TransitionAsync(PaymentTransition t, ExpectedOrder? order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        BuildUpdate(update, t, order, now);

        PaymentRecord? updated;
        try
        {
            if (t.EventType is null && order is null)
            {
                if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return (false, null);
                }

                updated = null;
            }
            else
            {
                await using var reader = await update.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return (false, null);
                }

                updated = Read(reader);
            }
        }
        catch (DbException ex) when (_dialect.IsUniqueViolation(ex))
        {
            // ux_payments_merchant_order_paid: another payment of this order already holds its money. Nothing
            // changed (the transaction rolls back); the caller decides what this payment becomes.
            return (false, null);
        }

        // Transactional outbox: the event commits with the state change or not at all; no row without a webhook target.
        if (updated is not null && t.EventType is not null && _createEvent(updated, t.EventType, now) is { } webhook)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO webhook_events (id, payment_id, client_id, type, url, payload, status, attempts, next_attempt_at, created_at, trace_parent)
                VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9, $10)
                """;
            insert.AddNext(webhook.Id).AddNext(webhook.PaymentId).AddNext(webhook.ClientId).AddNext(webhook.Type).AddNext(webhook.Url)
                .AddNext(webhook.Payload).AddNext(webhook.Status).AddNext(webhook.NextAttemptAt).AddNext(webhook.CreatedAt).AddNext(webhook.TraceParent);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (t.Attachment is { } attachment)
        {
            await attachment.WriteAsync(connection, transaction, t, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _changes?.Publish(t.PaymentId);
        return (true, updated);
    }

    // Positional parameters (see DbCommandExtensions.AddNext): $1 status, $2 updated_at, $3 provider_transaction_id,
    // $4 paid_amount, $5 paid_at, $6 error_code, $7 error_message, $8 review_reason, $9 review_detail,
    // $10 review_refund_id, $11 id; the source statuses and the conditions follow, numbered as they are added.
    private const string UpdateHead = """
        UPDATE payments SET status = $1, updated_at = $2, sync_lease_owner = NULL, sync_lease_until = NULL,
            provider_transaction_id = COALESCE($3, provider_transaction_id),
            paid_amount = COALESCE($4, paid_amount),
            paid_at = COALESCE($5, paid_at),
            error_code = COALESCE($6, error_code),
            error_message = COALESCE($7, error_message),
            review_reason = COALESCE($8, review_reason),
            review_detail = COALESCE($9, review_detail),
            review_refund_id = COALESCE($10, review_refund_id)
        WHERE id = $11 AND (status <> 'requires_review' OR review_refund_id IS NULL) AND status IN (
        """;

    private static void BuildUpdate(DbCommand update, PaymentTransition t, ExpectedOrder? order, DateTimeOffset now)
    {
        update.AddNext(t.To.ToName()).AddNext(now).AddNext(t.ProviderTransactionId).AddNext(t.PaidAmount).AddNext(t.PaidAt)
            .AddNext(t.ErrorCode).AddNext(t.ErrorMessage).AddNext(t.ReviewReason).AddNext(t.ReviewDetail).AddNext(t.ReviewRefundId)
            .AddNext(t.PaymentId);
        var sql = new StringBuilder(UpdateHead, 1024);
        sql.AppendJoin(", ", t.From.Select(status => update.Next(status.ToName()))).Append(')');
        if (t.ProviderInstance is not null)
        {
            sql.Append(" AND provider_instance = ").Append(update.Next(t.ProviderInstance));
        }

        // The order check of a report, exact: only the fields the report carries (as Disagreement compares them).
        if (order is not null)
        {
            sql.Append(" AND provider_instance = ").Append(update.Next(order.ProviderInstance));
            sql.Append(" AND amount = ").Append(update.Next(order.Amount));
            sql.Append(order.Currency is null ? "" : " AND currency = " + update.Next(order.Currency));
            sql.Append(order.AppId is null ? "" : " AND (app_id IS NULL OR app_id = " + update.Next(order.AppId) + ")");
            sql.Append(order.MerchantId is null ? "" : " AND merchant_id = " + update.Next(order.MerchantId));
        }

        // With an event to write, or a caller that needs it, the UPDATE returns the updated row: no re-read.
        if (t.EventType is not null || order is not null)
        {
            sql.Append(" RETURNING ").Append(PaymentSchema.Columns);
        }

        update.CommandText = sql.ToString();
    }
}
