-- The database ceilings of a create and a first notify (bench/load/run.sh): copies of the gateway's own tables (same
-- columns, indexes, constraints and fillfactor), filled with :rows pending payments made from one the gateway
-- created, so that pgbench can run a first notify's database work with no gateway in front.
SET client_min_messages = warning;  -- no NOTICE for each DROP ... IF EXISTS on a first run
DROP TABLE IF EXISTS ceiling_payments, ceiling_inbox, ceiling_inbox_template;
DROP SEQUENCE IF EXISTS ceiling_seq;
CREATE TABLE ceiling_payments (LIKE payments INCLUDING ALL);
CREATE TABLE ceiling_inbox (LIKE notify_inbox INCLUDING ALL);
DO $$
DECLARE o text;
BEGIN
  SELECT array_to_string(reloptions, ',') INTO o FROM pg_class WHERE oid = 'payments'::regclass;
  IF o IS NOT NULL THEN EXECUTE format('ALTER TABLE ceiling_payments SET (%s)', o); END IF;
END $$;
CREATE SEQUENCE ceiling_seq;
-- One inbox row as the gateway wrote it (a real signed notify body), to copy from.
CREATE TABLE ceiling_inbox_template AS SELECT * FROM notify_inbox WHERE kind = 'payment' AND outcome IS NOT NULL LIMIT 1;
INSERT INTO ceiling_payments
SELECT (jsonb_populate_record(NULL::ceiling_payments, to_jsonb(t) || jsonb_build_object(
    'id', 'ceil_' || g, 'merchant_order_id', 'ceil-' || g, 'provider_reference', NULL))).*
FROM (SELECT * FROM payments WHERE status = 'pending' AND action IS NOT NULL LIMIT 1) t, generate_series(1, :rows) g;
VACUUM ANALYZE ceiling_payments;
-- Create's ceiling inserts new payments copied from this one (its action is set by the second statement).
DROP TABLE IF EXISTS ceiling_payment_template;
CREATE TABLE ceiling_payment_template AS SELECT * FROM ceiling_payments WHERE id = 'ceil_1';
DROP SEQUENCE IF EXISTS ceiling_create_seq;
CREATE SEQUENCE ceiling_create_seq;
