using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Notify;
using Gateway.Payments;
using Gateway.Plugins;
using Gateway.Refunds;
using Gateway.Store;
using Gateway.Telemetry;

namespace Gateway.Notify;

/// <summary>
/// One notify, start to finish: the plugin verifies and parses; an identical copy of a done notify is
/// acknowledged from the dedupe state alone; a dedupe lease makes it exactly-once across processes; the common
/// first paid notify is applied at once, its order check in the conditional UPDATE (no read); anything else, or
/// anything that UPDATE did not match, takes the full path: the payment is read, the host checks the order (exists,
/// belongs to this instance), the report is checked (amount, currency, app id, merchant) and applied as one
/// conditional transition with its webhook event. Only then is the provider acknowledged. Anything that fails before the transition is
/// durable answers FAIL and releases the lease, so the provider's retry can succeed.
/// </summary>
internal sealed partial class NotifyPipeline
{
    // Well inside WeChat's 2-5 s notify timeout.
    private static readonly TimeSpan InProgressWait = TimeSpan.FromMilliseconds(1500);
    private readonly IPaymentStore _store;
    private readonly ProviderReportApplier _applier;
    private readonly INotifyDeduplicator _deduplicator;
    private readonly TimeProvider _time;
    private readonly ILogger<NotifyPipeline> _logger;
    private readonly GatewayMetrics _metrics;
    private readonly RefundSettler _refunds;

    public NotifyPipeline(
        IPaymentStore store, ProviderReportApplier applier, INotifyDeduplicator deduplicator, TimeProvider time, ILogger<NotifyPipeline> logger, GatewayMetrics metrics,
        RefundSettler refunds)
    {
        _refunds = refunds;
        _store = store;
        _applier = applier;
        _deduplicator = deduplicator;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Handles a notify the plugin has parsed; <paramref name="attachment"/> commits with the transition it causes, if any.</summary>
    public async Task<NotifyResult> HandleAsync(ProviderInstanceState instance, NotifyParseResult parsed, ITransitionAttachment? attachment, CancellationToken cancellationToken)
    {
        using var activity = GatewayActivitySource.Instance.StartActivity(GatewayActivities.NotifyHandle);
        activity?.SetTag("provider.instance", instance.Name);
        var result = await HandleParsedAsync(instance, parsed, attachment, cancellationToken);
        activity?.SetTag("payment.id", result.PaymentId).SetTag("notify.outcome", result.Outcome);
        _metrics.NotifyOutcome(instance.Name, result.Outcome);
        return result;
    }

    private async Task<NotifyResult> HandleParsedAsync(ProviderInstanceState instance, NotifyParseResult parsed, ITransitionAttachment? attachment, CancellationToken cancellationToken)
    {
        var handler = instance.Instance;
        if (parsed is NotifyParseResult.Rejected rejected)
        {
            Log.Rejected(_logger, instance.Name, rejected.Code, rejected.Reason);
            return new(handler.CreateAck(NotifyAckOutcome.Refused, rejected.Code == NotifyRejections.BadSignature ? "signature error" : "invalid notify"), rejected.Code, null);
        }

        if (parsed is NotifyParseResult.Refund { Notification: var refund })
        {
            // Acknowledged only after the refund's transition (and its webhook event) is durable.
            var (ok, why, result, paymentId) = await _refunds.HandleNotifyAsync(instance.Name, refund, cancellationToken);
            return new(handler.CreateAck(ok ? NotifyAckOutcome.Received : NotifyAckOutcome.NotApplied, why), result, paymentId);
        }

        if (parsed is not NotifyParseResult.Payment { Notification: var notification })
        {
            return new(handler.CreateAck(NotifyAckOutcome.Refused, "unsupported notify"), NotifyRejections.Unsupported, null);
        }

        // An identical copy of a done notify passed every check against the order (NotifyDedupeEntry says why
        // that still holds) before it was applied: acknowledged from the dedupe state, without reading the payment.
        var dedupe = NotifyDedupeEntry.For(instance.Name, notification);
        if (await _deduplicator.IsDoneAsync(dedupe, cancellationToken))
        {
            return new(handler.CreateAck(NotifyAckOutcome.Received, null), "duplicate", notification.PaymentId);
        }

        // The notify arrives in the provider's trace, not the payment's: this span links back to the create once the
        // payment is known, so the payment can be followed from its creation to its notify.
        using var apply = GatewayActivitySource.Instance.StartActivity(GatewayActivities.NotifyApply);
        apply?.SetTag("provider.instance", instance.Name).SetTag("payment.id", notification.PaymentId);
        using var scope = PaymentLogScope.Begin(_logger, notification.PaymentId);
        var report = ToReport(notification);
        if (await TryApplyAtOnceAsync(instance.Name, dedupe, report, notification.PaymentId, attachment, apply, cancellationToken))
        {
            apply?.SetTag("notify.outcome", "accepted");
            return new(handler.CreateAck(NotifyAckOutcome.Received, null), "accepted", notification.PaymentId);
        }

        var payment = await _store.GetAsync(notification.PaymentId, cancellationToken);
        if (payment is null || payment.ProviderInstance != instance.Name)
        {
            Log.UnknownOrder(_logger, instance.Name, notification.PaymentId);
            apply?.SetTag("notify.outcome", "unknown_order");
            return new(handler.CreateAck(NotifyAckOutcome.NotApplied, "unknown order"), "unknown_order", null);
        }

        GatewayActivities.LinkToCreate(apply, payment.TraceParent);
        apply?.SetTag("payment.channel", payment.Channel);
        var (ack, reason, outcome) = await ApplyAsync(dedupe, payment, report, attachment, cancellationToken);
        apply?.SetTag("notify.outcome", outcome);
        return new(handler.CreateAck(ack, reason), outcome, payment.Id);
    }

    private async Task<(NotifyAckOutcome Ack, string? Reason, string Outcome)> ApplyAsync(
        NotifyDedupeEntry entry, PaymentRecord payment, ProviderReport report, ITransitionAttachment? attachment, CancellationToken cancellationToken)
    {
        // Checked before dedupe, so a notify that disagrees with the order is never acknowledged, not even
        // as a "duplicate" of an earlier good one.
        if (ProviderReportApplier.Disagreement(payment, report) is { } disagreement)
        {
            Log.Mismatch(_logger, payment.Id, disagreement);
            return (NotifyAckOutcome.NotApplied, "order mismatch", "mismatch");
        }

        var dedupe = await BeginAsync(entry, cancellationToken);
        switch (dedupe.State)
        {
            case DedupeState.Done:
                return (NotifyAckOutcome.Received, null, "duplicate");
            case DedupeState.InProgress:
                // The first copy is still being applied: ask the provider to come back rather than guess.
                return (NotifyAckOutcome.Retry, "processing", "in_progress");
        }

        var lease = dedupe.Lease!;
        ReportOutcome outcome;
        try
        {
            outcome = await _applier.ApplyAsync(payment, report, cancellationToken, attachment);
        }
        catch
        {
            await lease.ReleaseAsync(CancellationToken.None);
            throw;
        }

        // Acknowledged only now, with the state durable: held for review and recorded failures included, since
        // a retry of the same notify could only repeat them.
        var success = outcome is ReportOutcome.Applied or ReportOutcome.AlreadyApplied or ReportOutcome.NoChange
            or ReportOutcome.Review or ReportOutcome.Recorded;
        await (success ? lease.CompleteAsync(cancellationToken) : lease.ReleaseAsync(cancellationToken));
        return outcome switch
        {
            ReportOutcome.Applied => (NotifyAckOutcome.Received, null, "accepted"),
            ReportOutcome.Review => (NotifyAckOutcome.Received, null, "review"),
            ReportOutcome.Recorded => (NotifyAckOutcome.Received, null, "failure_recorded"),
            ReportOutcome.AlreadyApplied or ReportOutcome.NoChange => (NotifyAckOutcome.Received, null, "duplicate"),
            ReportOutcome.Mismatch => (NotifyAckOutcome.NotApplied, "order mismatch", "mismatch"),
            _ => (NotifyAckOutcome.NotApplied, "order state conflict", "conflict"),
        };
    }

    /// <summary>
    /// Takes the dedupe lease. A copy that arrives while the first is being applied waits a moment for it
    /// (providers send bursts of duplicates and wait a few seconds for an answer), then reports what it found.
    /// </summary>
    private async Task<DedupeResult> BeginAsync(NotifyDedupeEntry entry, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + InProgressWait;
        while (true)
        {
            var result = await _deduplicator.TryBeginAsync(entry, cancellationToken);
            if (result.State != DedupeState.InProgress || _time.GetUtcNow() >= deadline)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }
    }

    private static ProviderReport ToReport(PaymentNotification notification) => new()
    {
        Status = notification.Status,
        ProviderTransactionId = notification.ProviderTransactionId,
        Amount = notification.Amount,
        PaidAmount = notification.PaidAmount,
        Currency = notification.Currency,
        AppId = notification.AppId,
        MerchantId = notification.MerchantId,
        PaidAt = notification.PaidAt,
        ReviewReason = notification.ReviewReason,
        ErrorCode = notification.ErrorCode,
        ErrorMessage = notification.ErrorMessage,
        Source = "notify",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Notify for instance {Instance} rejected ({Code}): {Reason}")]
        public static partial void Rejected(ILogger logger, string instance, string code, string reason);

        [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Notify for instance {Instance} names unknown order {PaymentId}")]
        public static partial void UnknownOrder(ILogger logger, string instance, string paymentId);

        [LoggerMessage(EventId = 406, Level = LogLevel.Error, Message = "Payment {PaymentId}: notify REJECTED, it disagrees with the stored order: {Disagreement}")]
        public static partial void Mismatch(ILogger logger, string paymentId, string disagreement);
    }
}

/// <summary>The acknowledgement to send, and what happened (for the inbox, logs and metrics).</summary>
internal sealed record NotifyResult(NotifyAck Ack, string Outcome, string? PaymentId);
