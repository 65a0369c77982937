-- pgbench: one create's database work, as the gateway does it: the pending payment inserted unless its merchant
-- order already has one (one commit), then, after the provider's answer, its action recorded (a second commit).
WITH n AS (SELECT nextval('ceiling_create_seq') AS v)
INSERT INTO ceiling_payments (id, client_id, merchant_order_id, channel, provider_instance, plugin, app_id, merchant_id, amount, currency,
    description, client_ip, payer_open_id, product_id, notify_url, metadata, status, action, provider_reference, provider_transaction_id,
    paid_amount, error_code, error_message, review_reason, created_at, updated_at, expires_at, paid_at, trace_parent,
    next_sync_at, sync_attempts, review_detail, return_url, review_refund_id, requested_channel)
SELECT 'new_' || n.v, t.client_id, 'new-' || n.v, t.channel, t.provider_instance, t.plugin, t.app_id, t.merchant_id, t.amount, t.currency,
    t.description, t.client_ip, t.payer_open_id, t.product_id, t.notify_url, t.metadata, 'pending', NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, t.created_at, t.updated_at, t.expires_at, NULL, t.trace_parent,
    t.next_sync_at, 0, NULL, t.return_url, NULL, t.requested_channel
FROM ceiling_payment_template t, n
WHERE NOT EXISTS (SELECT 1 FROM ceiling_payments WHERE client_id = t.client_id AND merchant_order_id = 'new-' || n.v AND status <> 'failed')
RETURNING id AS payment_id \gset
UPDATE ceiling_payments SET action = (SELECT action FROM ceiling_payment_template), provider_reference = 'wx' || :payment_id,
    updated_at = 1764460800000 WHERE id = :payment_id;
