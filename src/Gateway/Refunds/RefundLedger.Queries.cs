using System.Data.Common;
using Gateway.Store;

namespace Gateway.Refunds;

internal sealed partial class RefundLedger
{
    public async Task<RefundRecord?> GetAsync(string id, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {RefundSchema.Columns} FROM refunds WHERE id = @id", c => c.Add("id", id), cancellationToken)).SingleOrDefault();

    public Task<List<RefundRecord>> ListByPaymentAsync(string paymentId, CancellationToken cancellationToken)
        => QueryAsync($"SELECT {RefundSchema.Columns} FROM refunds WHERE payment_id = @p ORDER BY created_at, id", c => c.Add("p", paymentId), cancellationToken);

    public async Task<RefundRecord?> FindByMerchantRefundIdAsync(string clientId, string merchantRefundId, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {RefundSchema.Columns} FROM refunds WHERE client_id = @c AND merchant_refund_id = @m",
            c => c.Add("c", clientId).Add("m", merchantRefundId), cancellationToken)).SingleOrDefault();

    /// <summary>Refunds in <paramref name="status"/>, newest first (the admin list).</summary>
    public Task<List<RefundRecord>> SearchAsync(RefundStatus status, int limit, CancellationToken cancellationToken)
        => QueryAsync($"SELECT {RefundSchema.Columns} FROM refunds WHERE status = @s ORDER BY updated_at DESC, id DESC LIMIT @limit",
            c => c.Add("s", status.ToName()).Add("limit", (long)limit), cancellationToken);

    /// <summary>Leases pending refunds whose next sync is due, so that exactly one gateway process asks about each.</summary>
    public Task<List<RefundRecord>> ClaimDueForSyncAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
        => QueryAsync(
            $"""
            UPDATE refunds SET sync_lease_owner = @owner, sync_lease_until = @until
            WHERE id IN (
                SELECT id FROM refunds
                WHERE status = 'pending' AND next_sync_at <= @now AND (sync_lease_until IS NULL OR sync_lease_until < @now)
                ORDER BY next_sync_at LIMIT @limit {_dialect.SkipLocked})
            RETURNING {RefundSchema.Columns}
            """,
            c => c.Add("owner", owner).Add("until", now + lease).Add("now", now).Add("limit", limit),
            cancellationToken);

    /// <summary>Releases a sync lease and sets when to ask next.</summary>
    public Task ScheduleNextSyncAsync(string id, string owner, DateTimeOffset next, CancellationToken cancellationToken)
        => _dialect.ExecuteAsync(
            """
            UPDATE refunds SET next_sync_at = @next, sync_attempts = sync_attempts + 1, sync_lease_owner = NULL, sync_lease_until = NULL
            WHERE id = @id AND sync_lease_owner = @owner
            """,
            c => c.Add("next", next).Add("id", id).Add("owner", owner),
            cancellationToken);

    private async Task<List<RefundRecord>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, bind, cancellationToken);
    }

    private static async Task<List<RefundRecord>> QueryAsync(
        DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    private static RefundRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        PaymentId = r.GetString(1),
        ClientId = r.GetString(2),
        ProviderInstance = r.GetString(3),
        MerchantRefundId = r.GetString(4),
        Amount = r.GetInt64(5),
        Currency = r.GetString(6),
        Reason = r.NullableString(7),
        Status = RefundStatusNames.Parse(r.GetString(8)),
        Source = r.GetString(9),
        ProviderRefundId = r.NullableString(10),
        ProviderState = r.NullableString(11),
        ErrorCode = r.NullableString(12),
        ErrorMessage = r.NullableString(13),
        CreatedAt = r.Time(14),
        UpdatedAt = r.Time(15),
        SucceededAt = r.IsDBNull(16) ? null : r.Time(16),
        NextSyncAt = r.IsDBNull(17) ? null : r.Time(17),
        SyncAttempts = Convert.ToInt32(r.GetValue(18), System.Globalization.CultureInfo.InvariantCulture),
    };
}
