-- pgbench: one first notify's database work, as the gateway does it: in one transaction, the conditional
-- transition of the next pending payment and the inbox row with its outcome; one commit (fsync on).
BEGIN;
UPDATE ceiling_payments SET status = 'succeeded', updated_at = 1764460800000, sync_lease_owner = NULL, sync_lease_until = NULL,
    provider_transaction_id = '4200000' || id, paid_amount = amount, paid_at = 1764460800000
  WHERE id = 'ceil_' || (SELECT nextval('ceiling_seq')) AND status IN ('pending', 'requires_action')
  RETURNING id AS payment_id \gset
INSERT INTO ceiling_inbox (id, instance, kind, received_at, content_type, headers, body, outcome, payment_id, processed_at)
  SELECT 'in_' || :payment_id, instance, kind, received_at, content_type, headers, body, 'succeeded', :payment_id, processed_at
  FROM ceiling_inbox_template;
COMMIT;
