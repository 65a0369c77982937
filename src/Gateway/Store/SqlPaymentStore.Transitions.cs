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
        update.CommandText = UpdateSql(t, order);
        update.Add("to", t.To.ToName()).Add("now", now).Add("txn", t.ProviderTransactionId).Add("paid_amount", t.PaidAmount)
            .Add("paid_at", t.PaidAt).Add("error_code", t.ErrorCode).Add("error_message", t.ErrorMessage)
            .Add("review_reason", t.ReviewReason).Add("review_detail", t.ReviewDetail)
            .Add("review_refund_id", t.ReviewRefundId).Add("id", t.PaymentId);
        if (t.ProviderInstance is not null)
        {
            update.Add("instance", t.ProviderInstance);
        }

        for (var i = 0; i < t.From.Count; i++)
        {
            update.Add("from" + i, t.From[i].ToName());
        }

        if (order is not null)
        {
            update.Add("order_instance", order.ProviderInstance).Add("order_amount", order.Amount);
            update.AddIf(order.Currency, "order_currency").AddIf(order.AppId, "order_app_id").AddIf(order.MerchantId, "order_merchant_id");
        }

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
                VALUES (@id, @payment_id, @client_id, @type, @url, @payload, @status, 0, @next_attempt_at, @created_at, @trace_parent)
                """;
            insert.Add("id", webhook.Id).Add("payment_id", webhook.PaymentId).Add("client_id", webhook.ClientId).Add("type", webhook.Type)
                .Add("url", webhook.Url).Add("payload", webhook.Payload).Add("status", webhook.Status)
                .Add("next_attempt_at", webhook.NextAttemptAt).Add("created_at", webhook.CreatedAt).Add("trace_parent", webhook.TraceParent);
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

    private static string UpdateSql(PaymentTransition t, ExpectedOrder? order)
    {
        var sql = new StringBuilder("""
            UPDATE payments SET status = @to, updated_at = @now, sync_lease_owner = NULL, sync_lease_until = NULL,
                provider_transaction_id = COALESCE(@txn, provider_transaction_id),
                paid_amount = COALESCE(@paid_amount, paid_amount),
                paid_at = COALESCE(@paid_at, paid_at),
                error_code = COALESCE(@error_code, error_code),
                error_message = COALESCE(@error_message, error_message),
                review_reason = COALESCE(@review_reason, review_reason),
                review_detail = COALESCE(@review_detail, review_detail),
                review_refund_id = COALESCE(@review_refund_id, review_refund_id)
            WHERE id = @id AND status IN (
            """, 1024);
        sql.AppendJoin(", ", t.From.Select((_, i) => "@from" + i)).Append(") AND (status <> 'requires_review' OR review_refund_id IS NULL)");
        if (t.ProviderInstance is not null)
        {
            sql.Append(" AND provider_instance = @instance");
        }

        // The order check of a report, exact: only the fields the report carries (as Disagreement compares them).
        if (order is not null)
        {
            sql.Append(" AND provider_instance = @order_instance AND amount = @order_amount");
            sql.Append(order.Currency is null ? "" : " AND currency = @order_currency");
            sql.Append(order.AppId is null ? "" : " AND (app_id IS NULL OR app_id = @order_app_id)");
            sql.Append(order.MerchantId is null ? "" : " AND merchant_id = @order_merchant_id");
        }

        // With an event to write, or a caller that needs it, the UPDATE returns the updated row: no re-read.
        if (t.EventType is not null || order is not null)
        {
            sql.Append(" RETURNING ").Append(PaymentSchema.Columns);
        }

        return sql.ToString();
    }
}
