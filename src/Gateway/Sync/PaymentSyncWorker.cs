using Gateway.Abstractions.Payments;
using Gateway.Configuration;
using Gateway.Hosting;
using Gateway.Payments;
using Gateway.Store;
using Gateway.Webhooks;
using Microsoft.Extensions.Options;

namespace Gateway.Sync;

/// <summary>
/// Active sync: a payment still pending without a notify is queried at its provider on a schedule and
/// moved to its real state; one past its expiry is closed at the provider and marked <c>expired</c>.
/// Payments are claimed with a lease, so two gateway processes never work on the same one; a racing
/// notify is harmless because every change is a conditional transition.
/// </summary>
internal sealed partial class PaymentSyncWorker : PollingWorker
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly IPaymentStore _store;
    private readonly PaymentSynchronizer _synchronizer;
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly TimeProvider _time;
    private readonly SyncOptions _options;
    private readonly ILogger<PaymentSyncWorker> _logger;

    public PaymentSyncWorker(
        IPaymentStore store, PaymentSynchronizer synchronizer, GatewaySnapshotProvider snapshots, TimeProvider time, IOptions<SyncOptions> options, ILogger<PaymentSyncWorker> logger)
        : base(time, logger)
    {
        _store = store;
        _synchronizer = synchronizer;
        _snapshots = snapshots;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    protected override TimeSpan PollInterval => _options.PollInterval;

    protected override async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var due = await _store.ClaimDueForSyncAsync(LeaseOwner, _time.GetUtcNow(), Lease, 20, cancellationToken);
        foreach (var payment in due)
        {
            await SyncOneAsync(payment, cancellationToken);
        }

        return due.Count;
    }

    private async Task SyncOneAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        // Lease the live plugins for this unit of work, as a request does, so a plugin swap waits for it.
        using var pin = _snapshots.Pin();
        var now = _time.GetUtcNow();
        var synced = payment.ExpiresAt <= now ? await ExpireAsync(payment, cancellationToken) : await _synchronizer.SyncAsync(payment, cancellationToken);
        if (synced.Status == PaymentStatus.Pending)
        {
            // Still pending: ask again later, but never later than the moment it expires.
            var delay = _options.EffectiveSchedule[Math.Min(payment.SyncAttempts + 1, _options.EffectiveSchedule.Count - 1)];
            var next = payment.ExpiresAt > now ? Min(now + delay, payment.ExpiresAt) : now + delay;
            await _store.ScheduleNextSyncAsync(payment.Id, LeaseOwner, next, cancellationToken);
        }
    }

    private async Task<PaymentRecord> ExpireAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        if (payment.AwaitsChoice)
        {
            // An aggregated checkout nobody chose a channel for: no provider has an order to close.
            return await ExpireLocallyAsync(payment, cancellationToken);
        }

        if (!_snapshots.Current.Instances.TryGetValue(payment.ProviderInstance, out var instance))
        {
            return payment;
        }

        try
        {
            var closed = await instance.Instance.CloseAsync(new PaymentQuery(payment.Id, payment.ProviderTransactionId, payment.Amount), cancellationToken);
            if (!closed.Succeeded)
            {
                // ORDERPAID and the like: the provider knows better; take its state.
                Log.CloseRefused(_logger, payment.Id, closed.Error!.Code);
                return await _synchronizer.SyncAsync(payment, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.CloseFailed(_logger, payment.Id, ex.GetType().Name);
            return payment;
        }

        return await ExpireLocallyAsync(payment, cancellationToken);
    }

    private async Task<PaymentRecord> ExpireLocallyAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        // Only at the instance just closed: a payer who switched channel meanwhile has a new order, synced next round.
        await _store.TryTransitionAsync(
            new PaymentTransition(payment.Id, [PaymentStatus.Pending], PaymentStatus.Expired)
            {
                EventType = WebhookEventTypes.PaymentExpired, ProviderInstance = payment.ProviderInstance,
            },
            _time.GetUtcNow(), cancellationToken);
        return await _store.GetAsync(payment.Id, cancellationToken) ?? payment;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Payment {PaymentId}: the provider refused to close the expired order ({Code}); syncing instead")]
        public static partial void CloseRefused(ILogger logger, string paymentId, string code);

        [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Payment {PaymentId}: closing the expired order failed ({Error}); will retry")]
        public static partial void CloseFailed(ILogger logger, string paymentId, string error);
    }
}
