using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Notify;
using Gateway.Payments;
using Gateway.Plugins;
using Gateway.Store;
using Gateway.Telemetry;

namespace Gateway.Notify;

/// <summary>
/// One notify, start to finish: the plugin verifies and parses, the host checks the order (exists,
/// belongs to this instance, same amount/currency/app id/merchant), applies one conditional transition,
/// and only then acknowledges in the provider's format. Anything that fails before the transition is
/// durable answers FAIL, so the provider retries: nothing lost, nothing applied twice.
/// </summary>
internal sealed partial class NotifyPipeline
{
    private readonly IPaymentStore _store;
    private readonly ProviderReportApplier _applier;
    private readonly TimeProvider _time;
    private readonly ILogger<NotifyPipeline> _logger;
    private readonly GatewayMetrics _metrics;

    public NotifyPipeline(IPaymentStore store, ProviderReportApplier applier, TimeProvider time, ILogger<NotifyPipeline> logger, GatewayMetrics metrics)
    {
        _store = store;
        _applier = applier;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task<NotifyAck> HandleAsync(ProviderInstanceState instance, NotifyRequest request, CancellationToken cancellationToken)
    {
        using var activity = GatewayActivitySource.Instance.StartActivity(GatewayActivities.NotifyHandle);
        activity?.SetTag("provider.instance", instance.Name).SetTag("notify.kind", request.Kind.ToString());
        var handler = instance.Instance;
        var parsed = await handler.ParseNotifyAsync(request, cancellationToken);
        switch (parsed)
        {
            case NotifyParseResult.Rejected rejected:
                Log.Rejected(_logger, instance.Name, rejected.Code, rejected.Reason);
                activity?.SetTag("notify.outcome", rejected.Code);
                _metrics.NotifyOutcome(instance.Name, rejected.Code);
                return handler.CreateAck(false, rejected.Code == NotifyRejections.BadSignature ? "signature error" : "invalid notify");

            case NotifyParseResult.Payment { Notification: var notification }:
                activity?.SetTag("payment.id", notification.PaymentId);
                var (success, reason, outcome) = await ApplyAsync(instance, notification, cancellationToken);
                activity?.SetTag("notify.outcome", outcome);
                _metrics.NotifyOutcome(instance.Name, outcome);
                return handler.CreateAck(success, reason);

            default:
                _metrics.NotifyOutcome(instance.Name, "unsupported");
                return handler.CreateAck(false, "unsupported notify");
        }
    }

    private async Task<(bool Success, string? Reason, string Outcome)> ApplyAsync(ProviderInstanceState instance, PaymentNotification notification, CancellationToken cancellationToken)
    {
        var payment = await _store.GetAsync(notification.PaymentId, cancellationToken);
        if (payment is null || payment.ProviderInstance != instance.Name)
        {
            Log.UnknownOrder(_logger, instance.Name, notification.PaymentId);
            return (false, "unknown order", "unknown_order");
        }

        // The notify arrives in the provider's trace, not the payment's: this span links back to the create,
        // so the payment can be followed from its creation to its notify.
        using var apply = GatewayActivities.StartForPayment(GatewayActivities.NotifyApply, payment.Id, payment.TraceParent);
        apply?.SetTag("provider.instance", instance.Name).SetTag("payment.channel", payment.Channel);
        using var scope = PaymentLogScope.Begin(_logger, payment.Id);
        var result = await ApplyToAsync(payment, notification, cancellationToken);
        apply?.SetTag("notify.outcome", result.Outcome);
        return result;
    }

    private async Task<(bool Success, string? Reason, string Outcome)> ApplyToAsync(PaymentRecord payment, PaymentNotification notification, CancellationToken cancellationToken)
    {

        if (notification.ReviewReason is { } review)
        {
            await _store.FlagForReviewAsync(payment.Id, review, _time.GetUtcNow(), cancellationToken);
            Log.FlaggedForReview(_logger, payment.Id, review);
            return (true, null, "review");
        }

        var outcome = await _applier.ApplyAsync(payment, new ProviderReport
        {
            Status = notification.Status,
            ProviderTransactionId = notification.ProviderTransactionId,
            Amount = notification.Amount,
            PaidAmount = notification.PaidAmount,
            Currency = notification.Currency,
            AppId = notification.AppId,
            MerchantId = notification.MerchantId,
            PaidAt = notification.PaidAt,
            Source = "notify",
        }, cancellationToken);

        return outcome switch
        {
            ReportOutcome.Applied => (true, null, "accepted"),
            ReportOutcome.AlreadyApplied or ReportOutcome.NoChange => (true, null, "duplicate"),
            ReportOutcome.Mismatch => (false, "order mismatch", "mismatch"),
            _ => (false, "order state conflict", "conflict"),
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Notify for instance {Instance} rejected ({Code}): {Reason}")]
        public static partial void Rejected(ILogger logger, string instance, string code, string reason);

        [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Notify for instance {Instance} names unknown order {PaymentId}")]
        public static partial void UnknownOrder(ILogger logger, string instance, string paymentId);

        [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "Payment {PaymentId} flagged for review: {Reason}")]
        public static partial void FlaggedForReview(ILogger logger, string paymentId, string reason);
    }
}
