-- requires_review: review_reason holds a code (amount_mismatch, late_payment, double_payment); the
-- words that explain it (the provider's amounts, when it was closed) go here.
ALTER TABLE payments ADD COLUMN review_detail TEXT NULL;

-- 0002's partial unique indexes cannot serve "every payment of this merchant order" (the insert's
-- NOT EXISTS, the double-payment check, GET /v1/payments?merchantOrderId=): this one does.
CREATE INDEX ix_payments_client_merchant_order ON payments (client_id, merchant_order_id);
