-- Fewer index entries per create and per notify (issue 12). A payment has a product_id only when it came from a
-- product code, and a paid_at only once paid: these two indexes keep just those rows. Every query they serve
-- compares the column with a value (product_id = @product_id; paid_at >= @from), which implies the predicate.
-- Built inside the migration's transaction (not CONCURRENTLY): writes to payments wait while they build.
DROP INDEX IF EXISTS ix_payments_client_product;
CREATE INDEX ix_payments_client_product ON payments (client_id, product_id) WHERE product_id IS NOT NULL;
DROP INDEX IF EXISTS ix_payments_instance_paid_at;
CREATE INDEX ix_payments_instance_paid_at ON payments (provider_instance, paid_at) WHERE paid_at IS NOT NULL;

-- Room on each page for a row's next version, so that recording the provider's answer after create (action,
-- provider_reference, updated_at: no indexed column) stays a heap-only update that touches no index. Applies to
-- pages written from now on; existing pages are not rewritten.
ALTER TABLE payments SET (fillfactor = 90);
