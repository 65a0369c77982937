using Gateway.Store;

namespace Gateway.Refunds;

/// <summary>
/// The refunds table, for both dialects (kept in one place so it can become a versioned migration script as it is).
/// A client's <c>merchant_refund_id</c> is unique: it is the client's own idempotency handle for a refund.
/// </summary>
internal static class RefundSchema
{
    public static IReadOnlyList<string> Statements(StoreDialect dialect)
    {
        var bigint = dialect is PostgreSqlDialect ? "BIGINT" : "INTEGER";
        return
        [
            $"""
            CREATE TABLE IF NOT EXISTS refunds (
                id TEXT PRIMARY KEY,
                payment_id TEXT NOT NULL,
                client_id TEXT NOT NULL,
                provider_instance TEXT NOT NULL,
                merchant_refund_id TEXT NOT NULL,
                amount {bigint} NOT NULL,
                currency TEXT NOT NULL,
                reason TEXT NULL,
                status TEXT NOT NULL,
                source TEXT NOT NULL,
                provider_refund_id TEXT NULL,
                provider_state TEXT NULL,
                error_code TEXT NULL,
                error_message TEXT NULL,
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                succeeded_at {bigint} NULL,
                next_sync_at {bigint} NULL,
                sync_attempts INTEGER NOT NULL DEFAULT 0,
                sync_lease_owner TEXT NULL,
                sync_lease_until {bigint} NULL
            )
            """,
            "CREATE UNIQUE INDEX IF NOT EXISTS ux_refunds_client_merchant_refund ON refunds (client_id, merchant_refund_id)",
            "CREATE INDEX IF NOT EXISTS ix_refunds_payment ON refunds (payment_id)",
            "CREATE INDEX IF NOT EXISTS ix_refunds_next_sync ON refunds (next_sync_at) WHERE status = 'pending'",
        ];
    }

    public const string Columns =
        "id, payment_id, client_id, provider_instance, merchant_refund_id, amount, currency, reason, status, source, provider_refund_id, " +
        "provider_state, error_code, error_message, created_at, updated_at, succeeded_at, next_sync_at, sync_attempts";

    /// <summary>Locks the payment row for the rest of the transaction (PostgreSQL); SQLite's BEGIN IMMEDIATE already holds the write lock.</summary>
    public static string LockPayment(StoreDialect dialect) => dialect is PostgreSqlDialect ? "FOR UPDATE" : "";
}
