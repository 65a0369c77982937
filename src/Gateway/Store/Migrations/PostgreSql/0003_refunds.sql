-- Refunds are rows of their own (pending -> succeeded | failed), each reserving its amount against the
-- payment: the sum of refunds not failed never exceeds the paid amount (enforced by RefundLedger in the
-- transaction that inserts the refund). A client's merchant_refund_id is its own idempotency handle.
CREATE TABLE refunds (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    provider_instance TEXT NOT NULL,
    merchant_refund_id TEXT NOT NULL,
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    reason TEXT NULL,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    provider_refund_id TEXT NULL,
    provider_state TEXT NULL,
    error_code TEXT NULL,
    error_message TEXT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    succeeded_at BIGINT NULL,
    next_sync_at BIGINT NULL,
    sync_attempts INTEGER NOT NULL DEFAULT 0,
    sync_lease_owner TEXT NULL,
    sync_lease_until BIGINT NULL
);

CREATE UNIQUE INDEX ux_refunds_client_merchant_refund ON refunds (client_id, merchant_refund_id);
CREATE INDEX ix_refunds_payment ON refunds (payment_id);
CREATE INDEX ix_refunds_next_sync ON refunds (next_sync_at) WHERE status = 'pending';
