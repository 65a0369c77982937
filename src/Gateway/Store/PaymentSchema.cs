namespace Gateway.Store;

/// <summary>The payments table, shared by the SQLite and PostgreSQL dialects. Times are Unix milliseconds.</summary>
internal static class PaymentSchema
{
    public static string CreatePayments(string bigint) => $"""
        CREATE TABLE IF NOT EXISTS payments (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            merchant_order_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            provider_instance TEXT NOT NULL,
            plugin TEXT NOT NULL,
            app_id TEXT NULL,
            merchant_id TEXT NOT NULL,
            amount {bigint} NOT NULL,
            currency TEXT NOT NULL,
            description TEXT NOT NULL,
            client_ip TEXT NOT NULL,
            payer_open_id TEXT NULL,
            product_id TEXT NULL,
            notify_url TEXT NULL,
            metadata TEXT NOT NULL,
            status TEXT NOT NULL,
            action TEXT NULL,
            provider_reference TEXT NULL,
            provider_transaction_id TEXT NULL,
            paid_amount {bigint} NULL,
            error_code TEXT NULL,
            error_message TEXT NULL,
            review_reason TEXT NULL,
            created_at {bigint} NOT NULL,
            updated_at {bigint} NOT NULL,
            expires_at {bigint} NOT NULL,
            paid_at {bigint} NULL,
            trace_parent TEXT NULL
        )
        """;

    // A failed create does not burn the merchant order id: the caller may try again with the same id.
    public const string MerchantOrderIndex =
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_payments_client_merchant_order ON payments (client_id, merchant_order_id) WHERE status <> 'failed'";

    public const string Columns =
        "id, client_id, merchant_order_id, channel, provider_instance, plugin, app_id, merchant_id, amount, currency, description, " +
        "client_ip, payer_open_id, product_id, notify_url, metadata, status, action, provider_reference, provider_transaction_id, " +
        "paid_amount, error_code, error_message, review_reason, created_at, updated_at, expires_at, paid_at, trace_parent";
}
