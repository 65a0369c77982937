using Gateway.Store;

namespace Gateway.Refunds;

/// <summary>
/// The refunds table's columns and the one dialect difference of the ledger's SQL. The table itself is created by
/// the migration scripts <c>Store/Migrations/&lt;Dialect&gt;/0003_refunds.sql</c>.
/// </summary>
internal static class RefundSchema
{
    public const string Columns =
        "id, payment_id, client_id, provider_instance, merchant_refund_id, amount, currency, reason, status, source, provider_refund_id, " +
        "provider_state, error_code, error_message, created_at, updated_at, succeeded_at, next_sync_at, sync_attempts";

    /// <summary>Locks the payment row for the rest of the transaction (PostgreSQL); SQLite's BEGIN IMMEDIATE already holds the write lock.</summary>
    public static string LockPayment(StoreDialect dialect) => dialect is PostgreSqlDialect ? "FOR UPDATE" : "";
}
