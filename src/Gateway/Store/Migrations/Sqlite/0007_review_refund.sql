-- A payment held in requires_review may be given back (POST /admin/payments/{id}/refund, or at once under
-- Gateway:Payments:OnUnexpectedPayment=Refund). review_refund_id names that refund; it is set in the
-- refund's reservation transaction (or with the review itself when the refund is automatic), and cleared
-- if that refund fails. Such a payment never counted as its order's payment: once refunded it must not
-- take the order's one "paid" slot from the sibling that did (a double payment fully refunded to
-- 'refunded' next to a 'succeeded' first payment would otherwise break 0002's unique index).
ALTER TABLE payments ADD COLUMN review_refund_id TEXT NULL;

DROP INDEX IF EXISTS ux_payments_merchant_order_paid;

CREATE UNIQUE INDEX ux_payments_merchant_order_paid ON payments (client_id, merchant_order_id)
    WHERE status IN ('succeeded', 'partially_refunded', 'refunded') AND review_refund_id IS NULL;
