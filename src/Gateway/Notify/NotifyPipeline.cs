using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Notify;
using Gateway.Payments;
using Gateway.Plugins;
using Gateway.Store;

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

    public NotifyPipeline(IPaymentStore store, ProviderReportApplier applier, TimeProvider time, ILogger<NotifyPipeline> logger)
    {
        _store = store;
        _applier = applier;
        _time = time;
        _logger = logger;
    }

    public async Task<NotifyAck> HandleAsync(ProviderInstanceState instance, NotifyRequest request, CancellationToken cancellationToken)
    {
        using var activity = GatewayActivitySource.Instance.StartActivity("notify.handle");
        activity?.SetTag("provider.instance", instance.Name).SetTag("notify.kind", request.Kind.ToString());
        var handler = instance.Instance;
        var parsed = await handler.ParseNotifyAsync(request, cancellationToken);
        switch (parsed)
        {
            case NotifyParseResult.Rejected rejected:
                Log.Rejected(_logger, instance.Name, rejected.Code, rejected.Reason);
                activity?.SetTag("notify.outcome", rejected.Code);
                return handler.CreateAck(false, rejected.Code == NotifyRejections.BadSignature ? "signature error" : "invalid notify");

            case NotifyParseResult.Payment { Notification: var notification }:
                activity?.SetTag("payment.id", notification.PaymentId);
                var (success, reason, outcome) = await ApplyAsync(instance, notification, cancellationToken);
                activity?.SetTag("notify.outcome", outcome);
                return handler.CreateAck(success, reason);

            default:
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
