using Gateway.Abstractions.Refunds;
using Gateway.Store;

namespace Gateway.Refunds;

/// <summary>
/// Applies what a provider says about a refund (its notify, or refund query), as one conditional transition:
/// a duplicate or a late report changes nothing. Shared by the notify pipeline and refund sync.
/// </summary>
internal sealed partial class RefundSettler(RefundLedger ledger, IPaymentStore payments, TimeProvider time, ILogger<RefundSettler> logger)
{
    // WeChat's CHANGE (v2) and ABNORMAL (v3): the money could not go back (e.g. the payer's card was cancelled); only a
    // person can finish it.
    private const string Abnormal = "CHANGE";
    private const string AbnormalV3 = "ABNORMAL";

    public async Task<SettleOutcome> ApplyAsync(
        RefundRecord refund, RefundState state, string providerState, string? providerRefundId, DateTimeOffset? succeededAt,
        CancellationToken cancellationToken, string? message = null)
    {
        var now = time.GetUtcNow();
        switch (state)
        {
            case RefundState.Processing:
                await ledger.RecordAcceptedAsync(refund.Id, providerRefundId, providerState, now, cancellationToken);
                return SettleOutcome.NoChange;
            case RefundState.NotFound:
                return SettleOutcome.NoChange;
        }

        var to = state == RefundState.Succeeded ? RefundStatus.Succeeded : RefundStatus.Failed;
        var settlement = new RefundSettlement(refund.Id, to)
        {
            ProviderRefundId = providerRefundId,
            ProviderState = providerState,
            SucceededAt = succeededAt,
            ErrorCode = to == RefundStatus.Failed ? providerState : null,
            ErrorMessage = to == RefundStatus.Failed ? message ?? Describe(providerState) : null,
        };
        if (await ledger.SettleAsync(settlement, now, cancellationToken))
        {
            if (providerState is Abnormal or AbnormalV3)
            {
                Log.Abnormal(logger, refund.Id, refund.PaymentId, refund.ProviderInstance);
            }

            return SettleOutcome.Applied;
        }

        var current = await ledger.GetAsync(refund.Id, cancellationToken);
        if (current?.Status == to)
        {
            return SettleOutcome.AlreadyApplied;
        }

        Log.Conflict(logger, refund.Id, providerState, current?.Status.ToName() ?? "missing");
        return SettleOutcome.Conflict;
    }

    /// <summary>Checks a refund notify against the stored refund and payment, then applies it.</summary>
    public async Task<(bool Success, string? Reason, string Outcome, string? PaymentId)> HandleNotifyAsync(
        string instanceName, RefundNotification notification, CancellationToken cancellationToken)
    {
        var refund = await ledger.GetAsync(notification.RefundId, cancellationToken);
        if (refund is null || refund.ProviderInstance != instanceName || refund.PaymentId != notification.PaymentId)
        {
            Log.UnknownRefund(logger, instanceName, notification.RefundId);
            return (false, "unknown refund", "unknown_refund", null);
        }

        var payment = await payments.GetAsync(refund.PaymentId, cancellationToken);
        var disagreement = notification.Amount != refund.Amount ? $"refund amount {notification.Amount} differs from {refund.Amount}"
            : notification.ProviderRefundId is { } named && refund.ProviderRefundId is { } known && named != known
                ? $"provider refund id {named} differs from {known}"
            : payment is null ? "payment missing"
            : notification.TotalAmount is { } total && total != payment.Amount ? $"order total {total} differs from {payment.Amount}"
            : notification.MerchantId is { } mch && mch != payment.MerchantId ? $"merchant id {mch} differs from {payment.MerchantId}"
            : notification.AppId is { } app && payment.AppId is not null && app != payment.AppId ? $"app id {app} differs from {payment.AppId}"
            : null;
        if (disagreement is not null)
        {
            Log.Mismatch(logger, refund.Id, disagreement);
            return (false, "refund mismatch", "mismatch", refund.PaymentId);
        }

        var outcome = await ApplyAsync(refund, notification.State, notification.ProviderState, notification.ProviderRefundId, notification.SucceededAt, cancellationToken);
        return outcome switch
        {
            SettleOutcome.Applied => (true, null, "accepted", refund.PaymentId),
            SettleOutcome.AlreadyApplied or SettleOutcome.NoChange => (true, null, "duplicate", refund.PaymentId),
            _ => (false, "refund state conflict", "conflict", refund.PaymentId),
        };
    }

    private static string Describe(string providerState) => providerState switch
    {
        Abnormal or AbnormalV3 => "The refund is abnormal: the money could not be returned (e.g. the payer's card was cancelled). Finish it in the merchant platform.",
        "REFUNDCLOSE" or "CLOSED" => "The provider closed the refund without returning the money.",
        _ => $"The provider reported {providerState}.",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 900, Level = LogLevel.Error, Message = "Refund {RefundId} of payment {PaymentId} on {Instance} is ABNORMAL (CHANGE in v2): marked failed, needs a person")]
        public static partial void Abnormal(ILogger logger, string refundId, string paymentId, string instance);

        [LoggerMessage(EventId = 901, Level = LogLevel.Error, Message = "Refund {RefundId}: the provider reports {ProviderState} but the refund is {Status}; nothing changed, needs review")]
        public static partial void Conflict(ILogger logger, string refundId, string providerState, string status);

        [LoggerMessage(EventId = 902, Level = LogLevel.Warning, Message = "Refund notify for instance {Instance} names unknown refund {RefundId}")]
        public static partial void UnknownRefund(ILogger logger, string instance, string refundId);

        [LoggerMessage(EventId = 903, Level = LogLevel.Error, Message = "Refund {RefundId}: notify REJECTED, it disagrees with the stored refund: {Disagreement}")]
        public static partial void Mismatch(ILogger logger, string refundId, string disagreement);
    }
}

/// <summary>What applying a provider's report did.</summary>
internal enum SettleOutcome
{
    Applied,
    AlreadyApplied,
    NoChange,
    Conflict,
}
