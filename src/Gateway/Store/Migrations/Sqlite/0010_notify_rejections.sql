-- Notifies that fail verification are no longer kept whole in notify_inbox (anyone can send them): a capped
-- sample per instance and minute lands here with the source, the reason, the size, the SHA-256 and a short
-- prefix of the body, and is trimmed after Gateway:Notify:RejectedRetention.
CREATE TABLE notify_rejections (
    id TEXT PRIMARY KEY,
    instance TEXT NOT NULL,
    kind TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    source_ip TEXT NOT NULL,
    reason TEXT NOT NULL,
    body_size INTEGER NOT NULL,
    body_sha256 TEXT NOT NULL,
    body_prefix TEXT NOT NULL
);

CREATE INDEX ix_notify_rejections_received ON notify_rejections (received_at);
