using System.Data.Common;
using System.Globalization;
using Gateway.Store;

namespace Gateway.Reconciliation;

/// <summary>Runs and their discrepancies (migration 0005), plus the ledger side of a run. Parameterised SQL only.</summary>
internal sealed partial class ReconciliationStore(StoreDialect dialect)
{
    private const string RunColumns = """
        id, provider_instance, bill_date, triggered_by, status, provider_message, error, next_attempt_at, statement_count, statement_amount,
        statement_refund_amount, summary_count, summary_amount, summary_refund_amount, gateway_count, gateway_amount, totals_match, started_at, finished_at, gateway_refund_amount
        """;

    private const string DiscrepancyColumns = """
        id, run_id, kind, status, payment_id, refund_id, provider_transaction_id, provider_amount, gateway_amount, provider_state, gateway_state, detail, created_at
        """;

    public async Task InsertRunAsync(ReconciliationRun run, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO reconciliation_runs (id, provider_instance, bill_date, triggered_by, status, started_at) VALUES (@id, @instance, @date, @by, @status, @started)";
        command.Add("id", run.Id).Add("instance", run.ProviderInstance).Add("date", Day(run.BillDate)).Add("by", run.TriggeredBy)
            .Add("status", run.Status).Add("started", run.StartedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records the run's outcome and its discrepancies in one transaction; a completed run supersedes the open
    /// discrepancies of earlier runs of the same instance and day, so each difference is counted once.
    /// </summary>
    public async Task FinishRunAsync(ReconciliationRun run, IReadOnlyList<Discrepancy> discrepancies, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE reconciliation_runs SET status = @status, provider_message = @message, error = @error, next_attempt_at = @next,
                statement_count = @sc, statement_amount = @sa, statement_refund_amount = @sr, summary_count = @yc, summary_amount = @ya,
                summary_refund_amount = @yr, gateway_count = @gc, gateway_amount = @ga, gateway_refund_amount = @gr, totals_match = @match, finished_at = @finished
                WHERE id = @id
                """;
            update.Add("status", run.Status).Add("message", run.ProviderMessage).Add("error", run.Error).Add("next", run.NextAttemptAt)
                .Add("sc", run.StatementCount).Add("sa", run.StatementAmount).Add("sr", run.StatementRefundAmount).Add("yc", run.SummaryCount)
                .Add("ya", run.SummaryAmount).Add("yr", run.SummaryRefundAmount).Add("gc", run.GatewayCount).Add("ga", run.GatewayAmount).Add("gr", run.GatewayRefundAmount)
                .Add("match", run.TotalsMatch is { } m ? (m ? 1L : 0L) : null).Add("finished", run.FinishedAt).Add("id", run.Id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (run.Status is RunStatuses.Completed or RunStatuses.NoBill)
        {
            await using var supersede = connection.CreateCommand();
            supersede.Transaction = transaction;
            supersede.CommandText = """
                UPDATE reconciliation_discrepancies SET status = 'superseded' WHERE status = 'open' AND run_id IN (
                    SELECT id FROM reconciliation_runs WHERE provider_instance = @instance AND bill_date = @date AND id <> @id)
                """;
            supersede.Add("instance", run.ProviderInstance).Add("date", Day(run.BillDate)).Add("id", run.Id);
            await supersede.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var d in discrepancies)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO reconciliation_discrepancies ({DiscrepancyColumns}) VALUES (@id, @run, @kind, @status, @payment, @refund, @tx, @pa, @ga, @ps, @gs, @detail, @created)";
            insert.Add("id", d.Id).Add("run", d.RunId).Add("kind", d.Kind).Add("status", d.Status).Add("payment", d.PaymentId).Add("refund", d.RefundId)
                .Add("tx", d.ProviderTransactionId).Add("pa", d.ProviderAmount).Add("ga", d.GatewayAmount).Add("ps", d.ProviderState)
                .Add("gs", d.GatewayState).Add("detail", d.Detail).Add("created", d.CreatedAt);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ReconciliationRun?> GetRunAsync(string id, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {RunColumns} FROM reconciliation_runs WHERE id = @id", c => c.Add("id", id), ReadRun, cancellationToken)).FirstOrDefault();

    /// <summary>Runs, newest first, optionally of one instance and/or day.</summary>
    public Task<List<ReconciliationRun>> ListRunsAsync(string? instance, DateOnly? day, int limit, CancellationToken cancellationToken)
    {
        // Fixed fragments only, typed per filter ("@p IS NULL OR …" cannot be typed by PostgreSQL for a null).
        var where = new List<string>();
        if (instance is not null)
        {
            where.Add("provider_instance = @instance");
        }

        if (day is not null)
        {
            where.Add("bill_date = @date");
        }

        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        return QueryAsync(
            $"SELECT {RunColumns} FROM reconciliation_runs {filter} ORDER BY started_at DESC, id DESC LIMIT @limit",
            c =>
            {
                c.Add("limit", limit);
                if (instance is not null)
                {
                    c.Add("instance", instance);
                }

                if (day is { } d)
                {
                    c.Add("date", Day(d));
                }
            },
            ReadRun, cancellationToken);
    }

    public Task<List<Discrepancy>> DiscrepanciesAsync(string runId, CancellationToken cancellationToken)
        => QueryAsync($"SELECT {DiscrepancyColumns} FROM reconciliation_discrepancies WHERE run_id = @run ORDER BY kind, payment_id, id",
            c => c.Add("run", runId), ReadDiscrepancy, cancellationToken);

    /// <summary>Open discrepancies by instance and kind (the metric).</summary>
    public Task<List<(string Instance, string Kind, long Count)>> OpenCountsAsync(CancellationToken cancellationToken)
        => QueryAsync(
            """
            SELECT r.provider_instance, d.kind, COUNT(*) FROM reconciliation_discrepancies d JOIN reconciliation_runs r ON r.id = d.run_id
            WHERE d.status = 'open' GROUP BY r.provider_instance, d.kind
            """,
            _ => { }, r => (r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);

    /// <summary>The ledger side: the instance's payments that succeeded within [from, to), by payment time, refunded since or not.</summary>
    public Task<List<(string Id, long Amount, string Status)>> SucceededBetweenAsync(string instance, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        => QueryAsync(
            "SELECT id, COALESCE(paid_amount, amount), status FROM payments WHERE provider_instance = @instance AND paid_at >= @from AND paid_at < @to AND status IN ('succeeded', 'partially_refunded', 'refunded')",
            c => c.Add("instance", instance).Add("from", from).Add("to", to), r => (r.GetString(0), r.GetInt64(1), r.GetString(2)), cancellationToken);

    /// <summary>
    /// The refund ledger's side: the instance's refunds sent to the provider within [from, to) that succeeded here. A bill
    /// lists a refund on the day it was applied, and the gateway writes a refund just before it applies for it.
    /// </summary>
    public Task<List<(string Id, string PaymentId, long Amount)>> RefundsSucceededBetweenAsync(
        string instance, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        => QueryAsync(
            """
            SELECT id, payment_id, amount FROM refunds
            WHERE provider_instance = @instance AND created_at >= @from AND created_at < @to AND status = 'succeeded' AND source = 'api'
            """,
            c => c.Add("instance", instance).Add("from", from).Add("to", to), r => (r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<List<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
