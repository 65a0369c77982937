-- requires_review: review_reason holds a code (amount_mismatch, late_payment, double_payment); the
-- words that explain it (the provider's amounts, when it was closed) go here.
ALTER TABLE payments ADD COLUMN review_detail TEXT NULL;
