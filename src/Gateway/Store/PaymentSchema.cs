namespace Gateway.Store;

/// <summary>
/// The payments table's column list, in the order <c>SqlPaymentStore</c> reads it. The schema itself is the
/// migration scripts in <c>Store/Migrations/</c>.
/// </summary>
internal static class PaymentSchema
{
    public const string Columns =
        "id, client_id, merchant_order_id, channel, provider_instance, plugin, app_id, merchant_id, amount, currency, description, " +
        "client_ip, payer_open_id, product_id, notify_url, metadata, status, action, provider_reference, provider_transaction_id, " +
        "paid_amount, error_code, error_message, review_reason, created_at, updated_at, expires_at, paid_at, trace_parent, " +
        "next_sync_at, sync_attempts, review_detail, return_url, review_refund_id, requested_channel";
}
