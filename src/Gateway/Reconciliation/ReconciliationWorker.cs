using Gateway.Configuration;
using Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Reconciliation;

/// <summary>
/// The daily schedule: from <see cref="ReconciliationOptions.RunAt"/> (Beijing time) on, reconciles yesterday for
/// every live instance that has no finished run for it yet, and retries failed runs when their backoff is due.
/// The (instance, day) lease in <see cref="Reconciler"/> keeps a second gateway process from running it too.
/// </summary>
internal sealed class ReconciliationWorker(
    Reconciler reconciler, ReconciliationStore store, OpenDiscrepancyGauge gauge, GatewaySnapshotProvider snapshots,
    IOptions<ReconciliationOptions> options, TimeProvider clock, ILogger<ReconciliationWorker> logger)
    : PollingWorker(clock, logger)
{
    private readonly TimeProvider _time = clock;
    private bool _gaugeLoaded;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        if (!_gaugeLoaded)
        {
            await gauge.RefreshAsync(cancellationToken);
            _gaugeLoaded = true;
        }

        var now = _time.GetUtcNow();
        if (!options.Value.Enabled || now.ToOffset(ReconciliationOptions.ProviderDayOffset).TimeOfDay < options.Value.RunAt)
        {
            return 0;
        }

        var yesterday = ReconciliationOptions.DayOf(now).AddDays(-1);
        var ran = 0;
        foreach (var instance in snapshots.Current.Instances.Keys.Order(StringComparer.Ordinal))
        {
            var runs = await store.ListRunsAsync(instance, yesterday, 100, cancellationToken);
            if (IsDue(runs, now) && await reconciler.RunAsync(instance, yesterday, RunTriggers.Schedule, cancellationToken) is not null)
            {
                ran++;
            }
        }

        return ran;
    }

    /// <summary>Due when the day has no run, or only failed ones whose retry time has come, or a run that died holding its lease.</summary>
    private bool IsDue(List<ReconciliationRun> runs, DateTimeOffset now)
    {
        if (runs.Any(r => r.Status is RunStatuses.Completed or RunStatuses.NoBill or RunStatuses.NotSupported))
        {
            return false;
        }

        var latest = runs.FirstOrDefault();
        return latest is null
            || (latest.Status == RunStatuses.Failed && latest.NextAttemptAt is { } retry && retry <= now)
            || (latest.Status == RunStatuses.Running && latest.StartedAt + options.Value.Lease < now);
    }
}
