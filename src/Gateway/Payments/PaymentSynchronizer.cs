using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Configuration;
using Gateway.Store;
using Gateway.Telemetry;

namespace Gateway.Payments;

/// <summary>
/// Asks the payment's own provider instance (order affinity) for its state and applies the answer
/// through <see cref="ProviderReportApplier"/>. Used when a client reads a pending payment and by the
/// background sync, so a payment whose notify never came is still confirmed, never trusted from a client.
/// </summary>
internal sealed partial class PaymentSynchronizer
{
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly ProviderReportApplier _applier;
    private readonly IPaymentStore _store;
    private readonly ILogger<PaymentSynchronizer> _logger;
    private readonly GatewayMetrics _metrics;
    private readonly ProviderCallObserver _calls;
    private readonly IGatewayCache _cache;

    public PaymentSynchronizer(
        GatewaySnapshotProvider snapshots, ProviderReportApplier applier, IPaymentStore store, ILogger<PaymentSynchronizer> logger,
        GatewayMetrics metrics, ProviderCallObserver calls, IGatewayCache cache)
    {
        _cache = cache;
        _snapshots = snapshots;
        _applier = applier;
        _store = store;
        _logger = logger;
        _metrics = metrics;
        _calls = calls;
    }

    /// <summary>
    /// The read-triggered sync: asks the provider at most once per <paramref name="minInterval"/> per payment,
    /// across every gateway process, so a client polling its payment cannot turn into a flood of provider
    /// queries (WeChat rate-limits orderquery). The lease is never released: it expires, and that is the throttle.
    /// </summary>
    public async Task<PaymentRecord> SyncOnReadAsync(PaymentRecord payment, TimeSpan minInterval, CancellationToken cancellationToken)
    {
        if (payment.Status != PaymentStatus.Pending
            || await _cache.TryLockAsync($"sync-on-read:{payment.Id}", minInterval, cancellationToken) is null)
        {
            return payment;
        }

        return await SyncAsync(payment, cancellationToken);
    }

    /// <summary>Queries and applies; returns the payment as stored afterwards. Provider failures leave it as it was.</summary>
    public async Task<PaymentRecord> SyncAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        if (payment.Status != PaymentStatus.Pending || !_snapshots.Current.Instances.TryGetValue(payment.ProviderInstance, out var instance))
        {
            return payment;
        }

        // Linked to the create span through the stored traceparent: sync runs in the reader's (or a job's) trace.
        using var activity = GatewayActivities.StartForPayment(GatewayActivities.Sync, payment.Id, payment.TraceParent);
        activity?.SetTag("provider.instance", payment.ProviderInstance);
        using var scope = PaymentLogScope.Begin(_logger, payment.Id);
        try
        {
            var result = await _calls.CallAsync(instance, "query", payment.Id,
                () => instance.Instance.QueryAsync(new PaymentQuery(payment.Id, payment.ProviderTransactionId, payment.Amount), cancellationToken));
            if (result.Value is not { } state)
            {
                Log.QueryRefused(_logger, payment.Id, result.Error!.Code);
                Record(activity, payment.ProviderInstance, "query_refused");
                return payment;
            }

            var outcome = await _applier.ApplyAsync(payment, new ProviderReport
            {
                Status = state.Status,
                ProviderTransactionId = state.ProviderTransactionId,
                Amount = state.Status == PaymentStatus.Succeeded ? state.PaidAmount : null,
                Currency = state.Currency,
                PaidAt = state.PaidAt,
                ErrorCode = state.Status == PaymentStatus.Failed && state.ProviderState.Length > 0 ? state.ProviderState : null, // PAYERROR: recorded
                Source = "sync",
            }, cancellationToken);
            Record(activity, payment.ProviderInstance, outcome switch
            {
                ReportOutcome.Applied => "applied",
                ReportOutcome.AlreadyApplied => "already_applied",
                ReportOutcome.NoChange => "no_change",
                ReportOutcome.Mismatch => "mismatch",
                ReportOutcome.Review => "review",
                ReportOutcome.Recorded => "failure_recorded",
                _ => "conflict",
            });
            return outcome is ReportOutcome.Applied or ReportOutcome.Review or ReportOutcome.Recorded ? await _store.GetAsync(payment.Id, cancellationToken) ?? payment : payment;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.QueryFailed(_logger, payment.Id, ex.GetType().Name);
            Record(activity, payment.ProviderInstance, "unreachable");
            return payment;
        }
    }

    private void Record(System.Diagnostics.Activity? activity, string instance, string outcome)
    {
        activity?.SetTag("sync.outcome", outcome);
        _metrics.SyncResult(instance, outcome);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "Payment {PaymentId}: the provider refused the query: {Code}")]
        public static partial void QueryRefused(ILogger logger, string paymentId, string code);

        [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Payment {PaymentId}: the provider query failed: {Error}")]
        public static partial void QueryFailed(ILogger logger, string paymentId, string error);
    }
}
