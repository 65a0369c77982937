using Gateway.Abstractions.Refunds;
using Gateway.Configuration;
using Gateway.Hosting;
using Gateway.Store;
using Microsoft.Extensions.Options;

namespace Gateway.Refunds;

/// <summary>
/// Refund sync: a pending refund is queried at its provider on a schedule and settled by what it says. One the
/// provider does not know (written, then the process died before the call) is sent now, with the same refund id,
/// so the provider still refunds at most once. Refunds are claimed with a lease, as payments are.
/// </summary>
internal sealed partial class RefundSyncWorker : PollingWorker
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly RefundLedger ledger;
    private readonly IPaymentStore payments;
    private readonly RefundCreator creator;
    private readonly RefundSettler settler;
    private readonly GatewaySnapshotProvider snapshots;
    private readonly TimeProvider time;
    private readonly IOptions<RefundOptions> options;
    private readonly ILogger<RefundSyncWorker> logger;

    public RefundSyncWorker(
        RefundLedger ledger, IPaymentStore payments, RefundCreator creator, RefundSettler settler, GatewaySnapshotProvider snapshots,
        TimeProvider time, IOptions<RefundOptions> options, ILogger<RefundSyncWorker> logger)
        : base(time, logger)
    {
        this.ledger = ledger;
        this.payments = payments;
        this.creator = creator;
        this.settler = settler;
        this.snapshots = snapshots;
        this.time = time;
        this.options = options;
        this.logger = logger;
    }

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var due = await ledger.ClaimDueForSyncAsync(LeaseOwner, time.GetUtcNow(), Lease, 20, cancellationToken);
        foreach (var refund in due)
        {
            try
            {
                await SyncOneAsync(refund, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Log.QueryFailed(logger, refund.Id, ex.GetType().Name);
            }

            if (await ledger.GetAsync(refund.Id, cancellationToken) is { Status: RefundStatus.Pending } pending)
            {
                var schedule = options.Value.EffectiveSchedule;
                await ledger.ScheduleNextSyncAsync(pending.Id, LeaseOwner, time.GetUtcNow() + schedule[Math.Min(pending.SyncAttempts + 1, schedule.Count - 1)], cancellationToken);
            }
        }

        return due.Count;
    }

    private async Task SyncOneAsync(RefundRecord refund, CancellationToken cancellationToken)
    {
        using var pin = snapshots.Pin();
        if (!snapshots.Current.Instances.TryGetValue(refund.ProviderInstance, out var instance) || instance.Instance is not IRefundProvider provider)
        {
            return;
        }

        var result = await provider.QueryRefundAsync(new RefundQuery(refund.Id, refund.PaymentId, refund.ProviderRefundId), cancellationToken);
        if (result.Error is { } error)
        {
            Log.QueryRefused(logger, refund.Id, error.Code);
            return;
        }

        var found = result.Value!;
        if (found.State == RefundState.NotFound)
        {
            // Never accepted by the provider: send it now, under the same id (a retry the provider refunds only once).
            if (refund.Source == RefundSources.Api && await payments.GetAsync(refund.PaymentId, cancellationToken) is { } payment)
            {
                Log.Resending(logger, refund.Id);
                await creator.SendAsync(instance, payment, refund, cancellationToken);
            }

            return;
        }

        if (found.Amount is { } amount && amount != refund.Amount)
        {
            Log.AmountMismatch(logger, refund.Id, amount, refund.Amount);
            return;
        }

        await settler.ApplyAsync(refund, found.State, found.ProviderState, found.ProviderRefundId, found.SucceededAt, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 910, Level = LogLevel.Warning, Message = "Refund {RefundId}: refund query refused ({Code}); will ask again")]
        public static partial void QueryRefused(ILogger logger, string refundId, string code);

        [LoggerMessage(EventId = 911, Level = LogLevel.Warning, Message = "Refund {RefundId}: refund query failed ({Error}); will ask again")]
        public static partial void QueryFailed(ILogger logger, string refundId, string error);

        [LoggerMessage(EventId = 912, Level = LogLevel.Warning, Message = "Refund {RefundId}: the provider does not know it (never sent); sending it now")]
        public static partial void Resending(ILogger logger, string refundId);

        [LoggerMessage(EventId = 913, Level = LogLevel.Error, Message = "Refund {RefundId}: the provider reports amount {Reported}, the refund is {Stored}; nothing changed")]
        public static partial void AmountMismatch(ILogger logger, string refundId, long reported, long stored);
    }
}
