using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Configuration;
using Gateway.Store;

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

    public PaymentSynchronizer(GatewaySnapshotProvider snapshots, ProviderReportApplier applier, IPaymentStore store, ILogger<PaymentSynchronizer> logger)
    {
        _snapshots = snapshots;
        _applier = applier;
        _store = store;
        _logger = logger;
    }

    /// <summary>Queries and applies; returns the payment as stored afterwards. Provider failures leave it as it was.</summary>
    public async Task<PaymentRecord> SyncAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        if (payment.Status != PaymentStatus.Pending || !_snapshots.Current.Instances.TryGetValue(payment.ProviderInstance, out var instance))
        {
            return payment;
        }

        using var activity = GatewayActivitySource.Instance.StartActivity("payment.sync");
        activity?.SetTag("payment.id", payment.Id).SetTag("provider.instance", payment.ProviderInstance);
        try
        {
            var result = await instance.Instance.QueryAsync(new PaymentQuery(payment.Id, payment.ProviderTransactionId, payment.Amount), cancellationToken);
            if (result.Value is not { } state)
            {
                Log.QueryRefused(_logger, payment.Id, result.Error!.Code);
                return payment;
            }

            var outcome = await _applier.ApplyAsync(payment, new ProviderReport
            {
                Status = state.Status,
                ProviderTransactionId = state.ProviderTransactionId,
                Amount = state.Status == PaymentStatus.Succeeded ? state.PaidAmount : null,
                Currency = state.Currency,
                PaidAt = state.PaidAt,
                Source = "sync",
            }, cancellationToken);
            activity?.SetTag("sync.outcome", outcome.ToString());
            return outcome == ReportOutcome.Applied ? await _store.GetAsync(payment.Id, cancellationToken) ?? payment : payment;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.QueryFailed(_logger, payment.Id, ex.GetType().Name);
            return payment;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "Payment {PaymentId}: the provider refused the query: {Code}")]
        public static partial void QueryRefused(ILogger logger, string paymentId, string code);

        [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Payment {PaymentId}: the provider query failed: {Error}")]
        public static partial void QueryFailed(ILogger logger, string paymentId, string error);
    }
}
