-- Reconciliation: one row per run (an instance's statement for one provider day against the ledger), and the
-- discrepancies it found. bill_date is the provider's day as yyyy-MM-dd (Beijing time for WeChat Pay).
-- Amounts in fen, times Unix milliseconds, totals_match 0/1.
CREATE TABLE reconciliation_runs (
    id TEXT PRIMARY KEY,
    provider_instance TEXT NOT NULL,
    bill_date TEXT NOT NULL,
    triggered_by TEXT NOT NULL,
    status TEXT NOT NULL,
    provider_message TEXT NULL,
    error TEXT NULL,
    next_attempt_at BIGINT NULL,
    statement_count BIGINT NULL,
    statement_amount BIGINT NULL,
    statement_refund_amount BIGINT NULL,
    summary_count BIGINT NULL,
    summary_amount BIGINT NULL,
    summary_refund_amount BIGINT NULL,
    gateway_count BIGINT NULL,
    gateway_amount BIGINT NULL,
    totals_match BIGINT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NULL
);

CREATE INDEX ix_reconciliation_runs_day ON reconciliation_runs (provider_instance, bill_date);

CREATE TABLE reconciliation_discrepancies (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    payment_id TEXT NULL,
    refund_id TEXT NULL,
    provider_transaction_id TEXT NULL,
    provider_amount BIGINT NULL,
    gateway_amount BIGINT NULL,
    provider_state TEXT NULL,
    gateway_state TEXT NULL,
    detail TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX ix_reconciliation_discrepancies_run ON reconciliation_discrepancies (run_id);

CREATE INDEX ix_reconciliation_discrepancies_status ON reconciliation_discrepancies (status);

-- The run's "succeeded here on that day" side: an instance's payments by payment time.
CREATE INDEX ix_payments_instance_paid_at ON payments (provider_instance, paid_at);
