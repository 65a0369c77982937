-- Release 1: the schema as the first release created it, statement for statement. Every statement is
-- IF NOT EXISTS, so a database that release made is adopted as it is and only journaled.
-- Times are Unix milliseconds.

CREATE TABLE IF NOT EXISTS payments (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    merchant_order_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    provider_instance TEXT NOT NULL,
    plugin TEXT NOT NULL,
    app_id TEXT NULL,
    merchant_id TEXT NOT NULL,
    amount BIGINT NOT NULL,
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
    paid_amount BIGINT NULL,
    error_code TEXT NULL,
    error_message TEXT NULL,
    review_reason TEXT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    paid_at BIGINT NULL,
    trace_parent TEXT NULL,
    sync_attempts INTEGER NOT NULL DEFAULT 0,
    next_sync_at BIGINT NULL,
    sync_lease_owner TEXT NULL,
    sync_lease_until BIGINT NULL
);

-- A failed create does not burn the merchant order id: the caller may try again with the same id.
CREATE UNIQUE INDEX IF NOT EXISTS ux_payments_client_merchant_order ON payments (client_id, merchant_order_id) WHERE status <> 'failed';

CREATE INDEX IF NOT EXISTS ix_payments_next_sync ON payments (next_sync_at) WHERE status = 'pending';

CREATE TABLE IF NOT EXISTS webhook_events (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    type TEXT NOT NULL,
    url TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_owner TEXT NULL,
    lease_until BIGINT NULL,
    last_error TEXT NULL,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT NULL,
    trace_parent TEXT NULL
);

CREATE INDEX IF NOT EXISTS ix_webhook_events_due ON webhook_events (next_attempt_at) WHERE status = 'pending';

CREATE INDEX IF NOT EXISTS ix_webhook_events_payment ON webhook_events (payment_id);

CREATE TABLE IF NOT EXISTS webhook_attempts (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    attempted_at BIGINT NOT NULL,
    status_code INTEGER NULL,
    error TEXT NULL,
    duration_ms BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_webhook_attempts_event ON webhook_attempts (event_id);

CREATE TABLE IF NOT EXISTS notify_inbox (
    id TEXT PRIMARY KEY,
    instance TEXT NOT NULL,
    kind TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    content_type TEXT NULL,
    headers TEXT NOT NULL,
    body BYTEA NOT NULL,
    outcome TEXT NULL,
    payment_id TEXT NULL,
    processed_at BIGINT NULL
);

CREATE INDEX IF NOT EXISTS ix_notify_inbox_received ON notify_inbox (received_at);

CREATE TABLE IF NOT EXISTS product_codes (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    provider_instance TEXT NOT NULL,
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    description TEXT NOT NULL,
    notify_url TEXT NULL,
    metadata TEXT NOT NULL,
    code_url TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A client names its products once; and the provider's callback only carries the product id, so on one
-- instance a product id must lead to exactly one product code, whichever client registered it.
CREATE UNIQUE INDEX IF NOT EXISTS ux_product_codes_client_product ON product_codes (client_id, product_id);

CREATE UNIQUE INDEX IF NOT EXISTS ux_product_codes_instance_product ON product_codes (provider_instance, product_id);

CREATE INDEX IF NOT EXISTS ix_payments_client_product ON payments (client_id, product_id);
