using System.Data.Common;
using Gateway.Abstractions.Payments;
using Gateway.Store;
using Gateway.Webhooks;
using Microsoft.Data.Sqlite;

namespace Gateway.Refunds;

internal sealed partial class RefundLedger
{
    /// <summary>Inserts <paramref name="refund"/> inside the caller's transaction (which has checked the paid-amount invariant).</summary>
    internal static async Task InsertAsync(DbConnection connection, DbTransaction transaction, RefundRecord refund, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO refunds ({RefundSchema.Columns}) VALUES (@id, @payment_id, @client_id, @instance, @merchant_refund_id, @amount, @currency,
                @reason, @status, @source, NULL, NULL, NULL, NULL, @created_at, @created_at, @succeeded_at, @next_sync_at, 0)
            """;
        insert.Add("id", refund.Id).Add("payment_id", refund.PaymentId).Add("client_id", refund.ClientId).Add("instance", refund.ProviderInstance)
            .Add("merchant_refund_id", refund.MerchantRefundId).Add("amount", refund.Amount).Add("currency", refund.Currency).Add("reason", refund.Reason)
            .Add("status", refund.Status.ToName()).Add("source", refund.Source).Add("created_at", refund.CreatedAt)
            .Add("succeeded_at", refund.SucceededAt).Add("next_sync_at", refund.NextSyncAt);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task AfterSettledAsync(
        DbConnection connection, DbTransaction transaction, LockedPayment payment, RefundRecord refund, string eventType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = payment.Status;
        if (refund.Status == RefundStatus.Succeeded)
        {
            var succeeded = await ScalarAsync(connection, transaction,
                "SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE payment_id = @p AND status = 'succeeded'", c => c.Add("p", payment.Id), cancellationToken);
            status = succeeded >= payment.Paid ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            // A payment in review leaves it only through the refund that gives its money back (migration 0006).
            update.CommandText = """
                UPDATE payments SET status = @status, updated_at = @now WHERE id = @id
                    AND (status IN ('succeeded', 'partially_refunded', 'refunded') OR (status = 'requires_review' AND review_refund_id = @refund))
                """;
            update.Add("status", status.ToName()).Add("now", now).Add("id", payment.Id).Add("refund", refund.Id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        else if (refund.Status == RefundStatus.Failed && payment.Status == PaymentStatus.RequiresReview)
        {
            // The money is still held: ops may accept the payment or refund it again.
            await using var release = connection.CreateCommand();
            release.Transaction = transaction;
            release.CommandText = "UPDATE payments SET review_refund_id = NULL, updated_at = @now WHERE id = @id AND review_refund_id = @refund";
            release.Add("now", now).Add("id", payment.Id).Add("refund", refund.Id);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        if (_events.Create(refund, payment.ClientId, payment.NotifyUrl, status, payment.TraceParent, eventType, now) is { } webhook)
        {
            await OutboxWriter.InsertAsync(connection, transaction, webhook, cancellationToken);
        }
    }

    private static async Task MarkReviewRefundAsync(
        DbConnection connection, DbTransaction transaction, string paymentId, string refundId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE payments SET review_refund_id = @refund, updated_at = @now WHERE id = @id AND status = 'requires_review'";
        update.Add("refund", refundId).Add("now", now).Add("id", paymentId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
        // SQLite: take the write lock at BEGIN, so the read of what is reserved and the insert cannot interleave with another writer.
        => connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : await connection.BeginTransactionAsync(cancellationToken);

    private async Task<LockedPayment?> LockPaymentAsync(DbConnection connection, DbTransaction transaction, string paymentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT id, client_id, status, COALESCE(paid_amount, amount), notify_url, trace_parent, review_refund_id FROM payments WHERE id = @id {RefundSchema.LockPayment(_dialect)}";
        command.Add("id", paymentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LockedPayment(reader.GetString(0), reader.GetString(1), PaymentStatusNames.Parse(reader.GetString(2)), reader.GetInt64(3),
                reader.NullableString(4), reader.NullableString(5), reader.NullableString(6))
            : null;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record LockedPayment(string Id, string ClientId, PaymentStatus Status, long Paid, string? NotifyUrl, string? TraceParent, string? ReviewRefundId);
}
