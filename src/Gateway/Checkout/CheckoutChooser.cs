using Gateway.Abstractions.Payments;
using Gateway.Payments;
using Gateway.Store;
using Gateway.Sync;
using Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Gateway.Checkout;

/// <summary>What became of a payer's choice on an aggregated checkout.</summary>
internal enum ChoiceOutcome
{
    /// <summary>The order is placed at the chosen channel (or already was).</summary>
    Placed,

    /// <summary>The payment is no longer open to a choice (paid, closed, expired, or not aggregated).</summary>
    NotOpen,

    /// <summary>The channel is not offered for this payment.</summary>
    NotOffered,

    /// <summary>The provider could not be asked, or refused; the payment still awaits a (new) choice.</summary>
    Unavailable,
}

/// <summary>
/// Places an aggregated checkout's order where the payer chose, close-then-place: an earlier order is closed
/// at its provider FIRST, so the payer can never pay twice; a close refused because that order was paid settles
/// the payment from the provider instead (sync), and one that could not be confirmed leaves everything as it was.
/// The move to the new instance is written before the new provider is called, conditionally, so racing choices
/// cannot both place. Merchant order id, amount and webhooks stay those of the one payment.
/// </summary>
internal sealed partial class CheckoutChooser(
    CheckoutChoiceStore choices, CheckoutChoices offered, PaymentSynchronizer synchronizer, ProviderCallObserver calls,
    TimeProvider time, IOptions<SyncOptions> sync, ILogger<CheckoutChooser> logger)
{
    public async Task<ChoiceOutcome> ChooseAsync(PaymentRecord payment, string channel, string? openId, CancellationToken cancellationToken)
    {
        if (payment.RequestedChannel is null || payment.Status != PaymentStatus.Pending)
        {
            return ChoiceOutcome.NotOpen;
        }

        if (payment.Channel == channel && payment.Action is not null && (openId is null || openId == payment.PayerOpenId))
        {
            return ChoiceOutcome.Placed;
        }

        if (offered.Route(payment, channel) is not { } routed)
        {
            return ChoiceOutcome.NotOffered;
        }

        var request = Request(payment, channel, openId);
        if (routed.Instance.Instance.Validate(request) is { } invalid)
        {
            Log.Refused(logger, payment.Id, routed.Instance.Name, invalid.Code);
            return ChoiceOutcome.NotOffered;
        }

        if (!payment.AwaitsChoice && await CloseCurrentAsync(payment, cancellationToken) is { } closeOutcome)
        {
            return closeOutcome;
        }

        var now = time.GetUtcNow();
        var next = now + sync.Value.EffectiveSchedule[0];
        if (!await choices.TryChooseAsync(payment with { PayerOpenId = openId }, channel, routed.Instance, next < payment.ExpiresAt ? next : payment.ExpiresAt, now, cancellationToken))
        {
            return ChoiceOutcome.NotOpen; // another choice or the merchant got there first; the page reloads what is stored
        }

        ProviderResult<CreatePaymentResult> result;
        try
        {
            result = await calls.CallAsync(routed.Instance, "create", payment.Id, () => routed.Instance.Instance.CreateAsync(request, cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The provider may have the order: it stays chosen and pending; sync settles it, and a later switch closes it first.
            Log.Unreachable(logger, payment.Id, routed.Instance.Name, ex.GetType().Name);
            return ChoiceOutcome.Unavailable;
        }

        if (result.Value is { } created)
        {
            await choices.TrySetActionAsync(payment.Id, routed.Instance.Name, created.Action, created.ProviderReference, time.GetUtcNow(), cancellationToken);
            return ChoiceOutcome.Placed;
        }

        // Refused outright: nothing was placed, so the payer may choose again (the payment never fails for it).
        Log.Refused(logger, payment.Id, routed.Instance.Name, result.Error!.Code);
        await choices.TryReopenAsync(payment.Id, routed.Instance.Name, payment.ExpiresAt, time.GetUtcNow(), cancellationToken);
        return ChoiceOutcome.Unavailable;
    }

    /// <summary>Closes the order the payer is leaving; null when it is closed, else what the choice comes to.</summary>
    private async Task<ChoiceOutcome?> CloseCurrentAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        var current = offered.Instance(payment.ProviderInstance);
        if (current is null)
        {
            return ChoiceOutcome.Unavailable;
        }

        try
        {
            var closed = await calls.CallAsync(current, "close", payment.Id,
                () => current.Instance.CloseAsync(new PaymentQuery(payment.Id, payment.ProviderTransactionId, payment.Amount), cancellationToken));
            if (closed.Succeeded)
            {
                return null;
            }

            // ORDERPAID and the like: the provider knows better. A paid order settles the payment; nothing new is placed.
            Log.CloseRefused(logger, payment.Id, current.Name, closed.Error!.Code);
            var synced = await synchronizer.SyncAsync(payment, cancellationToken);
            return synced.Status != PaymentStatus.Pending ? ChoiceOutcome.NotOpen : ChoiceOutcome.Unavailable;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.Unreachable(logger, payment.Id, current.Name, ex.GetType().Name);
            return ChoiceOutcome.Unavailable;
        }
    }

    private static CreatePaymentRequest Request(PaymentRecord p, string channel, string? openId) => new()
    {
        PaymentId = p.Id,
        Channel = channel,
        MerchantOrderId = p.MerchantOrderId,
        Amount = p.Amount,
        Currency = p.Currency,
        Description = p.Description,
        ClientIp = p.ClientIp,
        PayerOpenId = openId,
        CreatedAt = p.CreatedAt,
        ExpiresAt = p.ExpiresAt,
        Metadata = p.Metadata,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1410, Level = LogLevel.Warning, Message = "Payment {PaymentId}: instance {Instance} refused the payer's choice: {Code}")]
        public static partial void Refused(ILogger logger, string paymentId, string instance, string code);

        [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Payment {PaymentId}: instance {Instance} could not be reached for the payer's choice ({Error})")]
        public static partial void Unreachable(ILogger logger, string paymentId, string instance, string error);

        [LoggerMessage(EventId = 1412, Level = LogLevel.Information, Message = "Payment {PaymentId}: instance {Instance} refused to close the order the payer is leaving ({Code}); synced instead")]
        public static partial void CloseRefused(ILogger logger, string paymentId, string instance, string code);
    }
}
