-- Money received is never refused: a verified success may now reach a payment that failed, closed or
-- expired, so "one live payment per merchant order" can no longer be one index. Two rules replace it:
-- at most one payment of an order is collecting money (pending) and at most one has kept it (paid).
-- A second payment that succeeds goes to requires_review instead. An insert also refuses an order
-- that has any payment that did not fail (SqlPaymentStore.TryInsertAsync).
DROP INDEX IF EXISTS ux_payments_client_merchant_order;

CREATE UNIQUE INDEX ux_payments_merchant_order_pending ON payments (client_id, merchant_order_id)
    WHERE status = 'pending';

CREATE UNIQUE INDEX ux_payments_merchant_order_paid ON payments (client_id, merchant_order_id)
    WHERE status IN ('succeeded', 'partially_refunded', 'refunded');
