using Gateway.Abstractions.Payments;
using Gateway.Store;
using Gateway.Webhooks;
using Microsoft.Extensions.Options;

namespace Gateway.Payments;

/// <summary>
/// Turns a provider report into at most one conditional transition, after checking it against the stored
/// payment. Shared by the notify pipeline and by sync, so both apply exactly the same rules. Money that was
/// received is never lost: a verified success ends succeeded or requires_review, whatever the payment's
/// state; and a failure report alone never ends a payment (expiry does).
/// </summary>
internal sealed partial class ProviderReportApplier
{
    private readonly IPaymentStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<ProviderReportApplier> _logger;
    private readonly IOptions<UnexpectedPaymentOptions> _options;
    private readonly IUnexpectedPaymentRefunder? _refunder;

    public ProviderReportApplier(
        IPaymentStore store, TimeProvider time, ILogger<ProviderReportApplier> logger,
        IOptions<UnexpectedPaymentOptions>? options = null, IUnexpectedPaymentRefunder? refunder = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options ?? Options.Create(new UnexpectedPaymentOptions());
        _refunder = refunder;
    }

    /// <param name="payment">The payment as read.</param>
    /// <param name="report">What the provider says.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="attachment">A write committed with the transition, if one applies (the notify's inbox row).</param>
    public async Task<ReportOutcome> ApplyAsync(PaymentRecord payment, ProviderReport report, CancellationToken cancellationToken, ITransitionAttachment? attachment = null)
    {
        if (Disagreement(payment, report) is { } disagreement)
        {
            Log.Mismatch(_logger, payment.Id, report.Source, disagreement);
            return ReportOutcome.Mismatch;
        }

        return report.Status switch
        {
            PaymentStatus.Succeeded => await ApplyPaidAsync(payment, report, attachment, cancellationToken),
            PaymentStatus.Failed => await RecordFailureAsync(payment, report, cancellationToken),
            PaymentStatus.Closed => await ApplyEndAsync(payment, payment.ExpiresAt <= _time.GetUtcNow() ? PaymentStatus.Expired : PaymentStatus.Closed, report, attachment, cancellationToken),
            _ => ReportOutcome.NoChange,
        };
    }

    /// <summary>
    /// Why a report disagrees with the stored order, or null when it agrees. The order amount the provider
    /// echoes (WeChat total_fee, PaysAPI price) must match; what the payer actually paid may differ (WeChat
    /// cash_fee after coupons is not a disagreement; a PaysAPI realprice outside the tolerance is a review).
    /// </summary>
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

    /// <summary>The payer may still pay (another card, after topping up): record the failure, keep it pending.</summary>
    private async Task<ReportOutcome> RecordFailureAsync(PaymentRecord payment, ProviderReport report, CancellationToken cancellationToken)
    {
        var code = report.ErrorCode ?? "provider_reported_failure";
        if (!await _store.RecordFailureReportAsync(payment.Id, code, report.ErrorMessage, _time.GetUtcNow(), cancellationToken))
        {
            return ReportOutcome.NoChange;
        }

        Log.FailureRecorded(_logger, payment.Id, report.Source, code);
        return ReportOutcome.Recorded;
    }

    private async Task<ReportOutcome> ApplyEndAsync(
        PaymentRecord payment, PaymentStatus to, ProviderReport report, ITransitionAttachment? attachment, CancellationToken cancellationToken)
    {
        var transition = new PaymentTransition(payment.Id, [PaymentStatus.Pending], to)
        {
            ProviderTransactionId = report.ProviderTransactionId,
            EventType = WebhookEventTypes.For(to),
            Attachment = attachment,
            ProviderInstance = payment.ProviderInstance,
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

        [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Payment {PaymentId}: money received, held for review ({Reason}): {Detail}")]
        public static partial void HeldForReview(ILogger logger, string paymentId, string reason, string detail);

        [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Payment {PaymentId}: {Source} reports a failure ({Code}); recorded, the payment stays pending")]
        public static partial void FailureRecorded(ILogger logger, string paymentId, string source, string code);

        [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "Payment {PaymentId}: the refund of the unexpected payment could not be started; it stays in review")]
        public static partial void RefundFailed(ILogger logger, string paymentId, Exception exception);
    }
}
