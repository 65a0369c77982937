using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Statements;
using Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Reconciliation;

/// <summary>
/// One reconciliation run: takes the (instance, day) lease so a single gateway process runs it, records the run,
/// downloads the statement, matches it (<see cref="StatementMatcher"/>) and records the outcome with its
/// discrepancies in one transaction. A failed download is recorded with when to retry.
/// </summary>
internal sealed partial class Reconciler(
    GatewaySnapshotProvider snapshots, ReconciliationStore store, StatementMatcher matcher, IGatewayCache cache, OpenDiscrepancyGauge gauge,
    IOptions<ReconciliationOptions> options, TimeProvider time, ILogger<Reconciler> logger)
{
    /// <summary>Runs it; null when another caller holds this instance and day right now.</summary>
    public async Task<ReconciliationRun?> RunAsync(string instance, DateOnly day, string triggeredBy, CancellationToken cancellationToken)
    {
        await using var lease = await cache.TryLockAsync($"reconciliation:{instance}:{day:yyyy-MM-dd}", options.Value.Lease, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        var run = new ReconciliationRun
        {
            Id = "rec_" + Guid.NewGuid().ToString("N"),
            ProviderInstance = instance,
            BillDate = day,
            TriggeredBy = triggeredBy,
            Status = RunStatuses.Running,
            StartedAt = time.GetUtcNow(),
        };
        await store.InsertRunAsync(run, cancellationToken);
        var (finished, discrepancies) = await ExecuteAsync(run, cancellationToken);
        finished = finished with { FinishedAt = time.GetUtcNow() };
        await store.FinishRunAsync(finished, discrepancies, cancellationToken);
        Log.Finished(logger, instance, day, finished.Status, discrepancies.Count(d => d.Status == DiscrepancyStatuses.Open));
        await gauge.RefreshAsync(cancellationToken);
        return finished;
    }

    private async Task<(ReconciliationRun, IReadOnlyList<Discrepancy>)> ExecuteAsync(ReconciliationRun run, CancellationToken cancellationToken)
    {
        using var pin = snapshots.Pin(); // a plugin swap waits for this unit of work, as for a request
        if (!snapshots.Current.Instances.TryGetValue(run.ProviderInstance, out var state))
        {
            return (await FailedAsync(run, $"Instance '{run.ProviderInstance}' is not live.", cancellationToken), []);
        }

        if (state.Instance is not IStatementProvider statements)
        {
            return (run with { Status = RunStatuses.NotSupported, Error = $"Plugin {state.PluginName} offers no statement download; nothing to reconcile." }, []);
        }

        ProviderResult<ProviderStatement> result;
        try
        {
            result = await statements.DownloadStatementAsync(run.BillDate, cancellationToken);
        }
        // Any failure of the plugin (not only the transport) ends the run failed, to be retried: a run left
        // 'running' would block the day's retries and hide the problem from ops.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (await FailedAsync(run, $"The statement download failed: {ex.GetType().Name}.", cancellationToken), []);
        }

        if (result.Value is not { } statement)
        {
            return (await FailedAsync(run, $"The provider refused the statement: {result.Error!.Code} {result.Error.Message}", cancellationToken), []);
        }

        var (found, gatewayCount, gatewayAmount, gatewayRefunds, own) = await matcher.MatchAsync(
            run, state.Instance.Account.MerchantId, statement, ReconciliationOptions.DayStart(run.BillDate), cancellationToken);
        if (statement.NoBill)
        {
            return (run with
            {
                Status = RunStatuses.NoBill, ProviderMessage = statement.ProviderMessage, GatewayCount = gatewayCount, GatewayAmount = gatewayAmount,
                GatewayRefundAmount = gatewayRefunds, TotalsMatch = gatewayCount == 0 && gatewayRefunds == 0,
            }, found);
        }

        // The gateway's side is compared with this instance's lines; the statement's own summary with all of them.
        var paid = own.Where(l => !l.IsRefund && l.TradeState == "SUCCESS").ToList();
        var refunded = own.Where(l => l.IsRefund && l.RefundState is null or "SUCCESS").Sum(l => l.RefundAmount);
        var summary = statement.Summary;
        var lines = (Count: (long)statement.Lines.Count, Amount: statement.Lines.Sum(l => l.SettlementAmount), Refund: statement.Lines.Sum(l => l.RefundAmount));
        return (run with
        {
            Status = RunStatuses.Completed,
            StatementCount = lines.Count, StatementAmount = lines.Amount, StatementRefundAmount = lines.Refund,
            SummaryCount = summary?.TradeCount, SummaryAmount = summary?.SettlementTotal, SummaryRefundAmount = summary?.RefundTotal,
            GatewayCount = gatewayCount, GatewayAmount = gatewayAmount, GatewayRefundAmount = gatewayRefunds,
            // The lines add up to the provider's own summary, and what succeeded here is what was paid and refunded there.
            TotalsMatch = summary is not null && summary.TradeCount == lines.Count && summary.SettlementTotal == lines.Amount
                && summary.RefundTotal == lines.Refund && gatewayCount == paid.Count && gatewayAmount == paid.Sum(l => l.OrderAmount)
                && gatewayRefunds == refunded,
        }, found);
    }

    private async Task<ReconciliationRun> FailedAsync(ReconciliationRun run, string error, CancellationToken cancellationToken)
    {
        var earlier = (await store.ListRunsAsync(run.ProviderInstance, run.BillDate, 100, cancellationToken)).Count(r => r.Status == RunStatuses.Failed);
        var schedule = options.Value.EffectiveRetrySchedule;
        return run with
        {
            Status = RunStatuses.Failed,
            Error = error,
            NextAttemptAt = earlier < schedule.Count ? time.GetUtcNow() + schedule[earlier] : null,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Reconciliation of {Instance} for {Day}: {Status}, {Open} open discrepancies")]
        public static partial void Finished(ILogger logger, string instance, DateOnly day, string status, int open);
    }
}
