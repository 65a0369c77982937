using Gateway.Abstractions.Payments;
using Gateway.Store;
using Gateway.Webhooks;

namespace Gateway.Payments;

internal sealed partial class ProviderReportApplier
{
    private static readonly PaymentStatus[] Unpaid = [PaymentStatus.Pending, PaymentStatus.Failed];
    private static readonly PaymentStatus[] Ended = [PaymentStatus.Closed, PaymentStatus.Expired];
    private static readonly PaymentStatus[] Paid = [PaymentStatus.Succeeded, PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded];

    /// <summary>
    /// A verified success: succeeded when the payment can take the money, otherwise requires_review with the
    /// reason. Each try is one conditional transition; when it loses a race (the payment moved, or another
    /// payment of the order was paid first) the payment is read again and the decision made again. The first
    /// try skips reading the order's other payments: the one-paid-per-order index refuses the transition when
    /// one of them holds the money (exactly the case that read looks for), and the next try reads them.
    /// </summary>
    private async Task<ReportOutcome> ApplyPaidAsync(PaymentRecord payment, ProviderReport report, ITransitionAttachment? attachment, CancellationToken cancellationToken)
    {
        var current = payment;
        for (var round = 0; round < 3; round++)
        {
            if (current.Status is PaymentStatus.RequiresReview || Paid.Contains(current.Status))
            {
                // Same transaction: a replay. Another one for the same payment id should be impossible.
                if (current.ProviderTransactionId is null || current.ProviderTransactionId == report.ProviderTransactionId)
                {
                    return ReportOutcome.AlreadyApplied;
                }

                break;
            }

            var decided = await DecideAsync(current, report, checkSiblings: round > 0, cancellationToken);
            var transition = decided with { Attachment = CombinedAttachment.Of(attachment, decided.Attachment) };
            if (await _store.TryTransitionAsync(transition, _time.GetUtcNow(), cancellationToken))
            {
                return await AfterAsync(current, transition, cancellationToken);
            }

            current = await _store.GetAsync(payment.Id, cancellationToken) ?? current;
        }

        Log.Conflict(_logger, payment.Id, report.Source, current.Status.ToName());
        return ReportOutcome.Conflict;
    }

    /// <summary>
    /// True when <paramref name="report"/> is the common case <see cref="TryApplyPaidAtOnceAsync"/> can settle without
    /// a read: a paid report with its amount and no reason for review.
    /// </summary>
    public static bool CanApplyAtOnce(ProviderReport report)
        => report is { Status: PaymentStatus.Succeeded, Amount: not null, ReviewReason: null };

    /// <summary>
    /// The common first notify in one statement, no read first: succeeded, applied only while the payment is unpaid,
    /// served by <paramref name="instance"/> and its order agrees with the report, compared in the UPDATE
    /// (<see cref="ExpectedOrder"/>; the checks of <see cref="Disagreement"/> and the unpaid branch of
    /// <see cref="DecideAsync"/>). The payment as paid, or null when anything differed and nothing changed: read it
    /// and <see cref="ApplyAsync"/> decides as it always has (mismatch, review, duplicate, conflict).
    /// </summary>
    public Task<PaymentRecord?> TryApplyPaidAtOnceAsync(
        string instance, string paymentId, ProviderReport report, ITransitionAttachment? attachment, CancellationToken cancellationToken)
    {
        if (!CanApplyAtOnce(report))
        {
            return Task.FromResult<PaymentRecord?>(null);
        }

        var order = new ExpectedOrder(instance, report.Amount!.Value, report.Currency, report.AppId, report.MerchantId);
        return _store.TryTransitionIfOrderAgreesAsync(Succeeded(paymentId, report) with { Attachment = attachment }, order, _time.GetUtcNow(), cancellationToken);
    }

    private async Task<PaymentTransition> DecideAsync(PaymentRecord current, ProviderReport report, bool checkSiblings, CancellationToken cancellationToken)
    {
        if (Ended.Contains(current.Status))
        {
            var detail = $"Paid at the provider after the payment was {current.Status.ToName()}.";
            return Review(current, report, ReviewReasons.LatePayment, report.ReviewReason is { } why ? $"{detail} {why}" : detail);
        }

        if (report.ReviewReason is { } reason)
        {
            return Review(current, report, ReviewReasons.AmountMismatch, reason);
        }

        var siblings = checkSiblings ? await _store.FindByMerchantOrderIdAsync(current.ClientId, current.MerchantOrderId, cancellationToken) : [];
        if (siblings.FirstOrDefault(s => s.Id != current.Id && Paid.Contains(s.Status) && s.ReviewRefundId is null) is { } first)
        {
            return Review(current, report, ReviewReasons.DoublePayment, $"Payment {first.Id} of merchant order {current.MerchantOrderId} was paid first.");
        }

        return Succeeded(current.Id, report);
    }

    // A verified success wins over failed (a create that failed here may still have reached the provider).
    // If another payment of the order is paid meanwhile, the store's one-paid-per-order index refuses this.
    private PaymentTransition Succeeded(string paymentId, ProviderReport report) => new(paymentId, Unpaid, PaymentStatus.Succeeded)
    {
        ProviderTransactionId = report.ProviderTransactionId,
        PaidAmount = report.PaidAmount ?? report.Amount,
        PaidAt = report.PaidAt ?? _time.GetUtcNow(),
        EventType = WebhookEventTypes.PaymentSucceeded,
    };

    private PaymentTransition Review(PaymentRecord current, ProviderReport report, string reason, string detail)
    {
        // The planned refund's row commits with the review, so the id its webhook names is never a 404.
        var refund = _options.Value.RefundsAtOnce ? _refunder?.PlanRefund(current) : null;
        return new(current.Id, [current.Status], PaymentStatus.RequiresReview)
        {
            ProviderTransactionId = report.ProviderTransactionId,
            PaidAmount = report.PaidAmount ?? report.Amount,
            PaidAt = report.PaidAt ?? _time.GetUtcNow(),
            ReviewReason = reason,
            ReviewDetail = detail,
            EventType = WebhookEventTypes.PaymentRequiresReview,
            ReviewRefundId = refund?.Id,
            Attachment = refund?.Row,
        };
    }

    private async Task<ReportOutcome> AfterAsync(PaymentRecord before, PaymentTransition transition, CancellationToken cancellationToken)
    {
        if (transition.To != PaymentStatus.RequiresReview)
        {
            return ReportOutcome.Applied;
        }

        Log.HeldForReview(_logger, before.Id, transition.ReviewReason!, transition.ReviewDetail!);
        if (transition.ReviewRefundId is not null && _refunder is not null && await _store.GetAsync(before.Id, cancellationToken) is { } held)
        {
            try
            {
                await _refunder.RefundAsync(held, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The review is durable and acknowledged either way; ops can refund by hand.
                Log.RefundFailed(_logger, before.Id, ex);
            }
        }

        return ReportOutcome.Review;
    }
}
