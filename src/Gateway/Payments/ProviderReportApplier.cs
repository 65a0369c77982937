using Gateway.Abstractions.Payments;
using Gateway.Store;
using Gateway.Webhooks;

namespace Gateway.Payments;

/// <summary>
/// Turns a provider report into at most one conditional transition, after checking it against the stored
/// payment. Shared by the notify pipeline and by sync, so both apply exactly the same rules.
/// </summary>
internal sealed partial class ProviderReportApplier
{
    private static readonly PaymentStatus[] Payable = [PaymentStatus.Pending, PaymentStatus.Closed, PaymentStatus.Expired];
    private readonly IPaymentStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<ProviderReportApplier> _logger;

    public ProviderReportApplier(IPaymentStore store, TimeProvider time, ILogger<ProviderReportApplier> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<ReportOutcome> ApplyAsync(PaymentRecord payment, ProviderReport report, CancellationToken cancellationToken)
    {
        if (Disagreement(payment, report) is { } disagreement)
        {
            Log.Mismatch(_logger, payment.Id, report.Source, disagreement);
            return ReportOutcome.Mismatch;
        }

        return report.Status switch
        {
            PaymentStatus.Succeeded => await ApplyPaidAsync(payment, report, cancellationToken),
            PaymentStatus.Failed => await ApplyEndAsync(payment, PaymentStatus.Failed, report, cancellationToken),
            PaymentStatus.Closed => await ApplyEndAsync(payment, payment.ExpiresAt <= _time.GetUtcNow() ? PaymentStatus.Expired : PaymentStatus.Closed, report, cancellationToken),
            _ => ReportOutcome.NoChange,
        };
    }

    /// <summary>Why a report disagrees with the stored payment, or null when it agrees.</summary>
    internal static string? Disagreement(PaymentRecord payment, ProviderReport report)
    {
        if (report.Amount is { } amount && amount != payment.Amount)
        {
            return $"amount {amount} differs from the order's {payment.Amount}";
        }

        if (report.Currency is { } currency && !string.Equals(currency, payment.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return $"currency {currency} differs from the order's {payment.Currency}";
        }

        if (report.AppId is { } appId && payment.AppId is not null && appId != payment.AppId)
        {
            return $"app id {appId} differs from the order's {payment.AppId}";
        }

        if (report.MerchantId is { } merchantId && merchantId != payment.MerchantId)
        {
            return $"merchant id {merchantId} differs from the order's {payment.MerchantId}";
        }

        return report.Status == PaymentStatus.Succeeded && report.Amount is null ? "a paid report without an amount" : null;
    }

    private async Task<ReportOutcome> ApplyPaidAsync(PaymentRecord payment, ProviderReport report, CancellationToken cancellationToken)
    {
        var transition = new PaymentTransition(payment.Id, Payable, PaymentStatus.Succeeded)
        {
            ProviderTransactionId = report.ProviderTransactionId,
            PaidAmount = report.PaidAmount ?? report.Amount,
            PaidAt = report.PaidAt ?? _time.GetUtcNow(),
            EventType = WebhookEventTypes.PaymentSucceeded,
        };
        if (Payable.Contains(payment.Status) && await _store.TryTransitionAsync(transition, _time.GetUtcNow(), cancellationToken))
        {
            if (payment.Status != PaymentStatus.Pending)
            {
                // The provider took the money after we closed or expired the order (a race): its word wins.
                Log.PaidAfterEnd(_logger, payment.Id, payment.Status.ToName());
            }

            return ReportOutcome.Applied;
        }

        var current = await _store.GetAsync(payment.Id, cancellationToken) ?? payment;
        if (current.Status is PaymentStatus.Succeeded or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded
            && (current.ProviderTransactionId is null || current.ProviderTransactionId == report.ProviderTransactionId))
        {
            return ReportOutcome.AlreadyApplied;
        }

        Log.Conflict(_logger, payment.Id, report.Source, current.Status.ToName());
        return ReportOutcome.Conflict;
    }

    private async Task<ReportOutcome> ApplyEndAsync(PaymentRecord payment, PaymentStatus to, ProviderReport report, CancellationToken cancellationToken)
    {
        var transition = new PaymentTransition(payment.Id, [PaymentStatus.Pending], to)
        {
            ProviderTransactionId = report.ProviderTransactionId,
            EventType = WebhookEventTypes.For(to),
        };
        if (await _store.TryTransitionAsync(transition, _time.GetUtcNow(), cancellationToken))
        {
            return ReportOutcome.Applied;
        }

        var current = await _store.GetAsync(payment.Id, cancellationToken) ?? payment;
        return current.Status == to ? ReportOutcome.AlreadyApplied : ReportOutcome.NoChange;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Payment {PaymentId}: {Source} report REJECTED, it disagrees with the stored order: {Disagreement}")]
        public static partial void Mismatch(ILogger logger, string paymentId, string source, string disagreement);

        [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "Payment {PaymentId}: {Source} report says paid but the payment is {Status}; nothing changed, needs review")]
        public static partial void Conflict(ILogger logger, string paymentId, string source, string status);

        [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Payment {PaymentId} was paid at the provider after it was {Status} locally; marked succeeded")]
        public static partial void PaidAfterEnd(ILogger logger, string paymentId, string status);
    }
}
