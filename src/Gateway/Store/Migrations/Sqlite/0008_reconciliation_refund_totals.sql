-- Reconciliation: the refunds that succeeded here on the run's day (fen), compared with the statement's refund lines.
ALTER TABLE reconciliation_runs ADD COLUMN gateway_refund_amount INTEGER NULL;
