using Gateway.Telemetry;

namespace Gateway.Reconciliation;

/// <summary>
/// The metric <c>gateway.reconciliation.discrepancies.open</c> (by instance and kind). An observable gauge cannot
/// query the database, so it reports the counts read after each run and at start-up.
/// </summary>
internal sealed class OpenDiscrepancyGauge
{
    private readonly ReconciliationStore _store;
    private volatile IReadOnlyList<(string Instance, string Kind, long Count)> _counts = [];

    public OpenDiscrepancyGauge(GatewayMetrics metrics, ReconciliationStore store)
    {
        _store = store;
        metrics.Meter.CreateObservableGauge("gateway.reconciliation.discrepancies.open",
            () => _counts.Select(c => new System.Diagnostics.Metrics.Measurement<long>(c.Count,
                new KeyValuePair<string, object?>("provider.instance", c.Instance), new KeyValuePair<string, object?>("kind", c.Kind))),
            "{discrepancy}", "Open reconciliation discrepancies by instance and kind.");
    }

    public async Task RefreshAsync(CancellationToken cancellationToken) => _counts = await _store.OpenCountsAsync(cancellationToken);
}
