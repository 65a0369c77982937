using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Refunds;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Payments;
using Gateway.Store;
using Microsoft.Extensions.Options;

namespace Gateway.Refunds;

/// <summary>
/// Gives back the money of a payment held in <c>requires_review</c>: all that was paid, through the same
/// <see cref="RefundCreator"/> and <see cref="RefundLedger"/> path as any refund (written pending before the
/// provider is called, under the paid-amount invariant). Used by <c>POST /admin/payments/{id}/refund</c> and,
/// under <c>Gateway:Payments:OnUnexpectedPayment=Refund</c>, at once when a late or double payment arrives.
/// The payment's <c>review_refund_id</c> names the refund, so a repeat returns it instead of refunding twice.
/// </summary>
internal sealed partial class ReviewRefunder(
    RefundCreator creator, RefundLedger ledger, IPaymentStore payments, GatewaySnapshotProvider snapshots, TimeProvider time,
    IOptions<RefundOptions> options, ILogger<ReviewRefunder> logger) : IUnexpectedPaymentRefunder
{
    private const string Reason = "Refund of an unexpected payment";

    public PlannedRefund? PlanRefund(PaymentRecord payment)
    {
        if (!snapshots.Current.Instances.TryGetValue(payment.ProviderInstance, out var instance)
            || instance.Instance is not IRefundProvider { RefundsUnavailableReason: null })
        {
            return null;
        }

        var now = time.GetUtcNow();
        var id = PaymentIds.NewRefundId(now);
        return new PlannedRefund(id, new ReviewRefundRow(id, payment, MerchantRefundId(id), Reason, now, now + options.Value.EffectiveSchedule[0]));
    }

    public async Task RefundAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        if (payment.ReviewRefundId is not { } refundId)
        {
            return;
        }

        // Written with the review and not sent yet: send it now (refund sync would, later, as for any refund never sent).
        var result = await ledger.GetAsync(refundId, cancellationToken) is { Status: RefundStatus.Pending, ProviderState: null } written
            && snapshots.Current.Instances.TryGetValue(payment.ProviderInstance, out var instance)
                ? await creator.SendAsync(instance, payment, written, cancellationToken)
                : await GiveBackAsync(payment, refundId, cancellationToken);
        var status = (result as IStatusCodeHttpResult)?.StatusCode;
        Log.AutoRefund(logger, payment.Id, refundId, status ?? 0);
    }

    /// <summary>The admin route: 201 with the new refund, 200 with the one already under way, or a problem.</summary>
    public async Task<IResult> RefundHeldAsync(string paymentId, CancellationToken cancellationToken)
    {
        if (await payments.GetAsync(paymentId, cancellationToken) is not { } payment)
        {
            return GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such payment.", $"No payment '{paymentId}'.");
        }

        if (payment.ReviewRefundId is { } named && await ledger.GetAsync(named, cancellationToken) is { } existing)
        {
            return Results.Ok(RefundResponse.From(existing));
        }

        if (payment.Status != PaymentStatus.RequiresReview)
        {
            return GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.InvalidState, "The payment is not waiting for review.",
                $"Payment '{paymentId}' is {payment.Status.ToName()}; refund a paid payment with POST /v1/payments/{{id}}/refunds.");
        }

        // A review that named a refund which was never written (the process stopped in between) reuses that id.
        return await GiveBackAsync(payment, payment.ReviewRefundId ?? PaymentIds.NewRefundId(time.GetUtcNow()), cancellationToken);
    }

    private Task<IResult> GiveBackAsync(PaymentRecord payment, string refundId, CancellationToken cancellationToken)
    {
        var body = new CreateRefundBody
        {
            Amount = payment.PaidAmount ?? payment.Amount,
            MerchantRefundId = MerchantRefundId(refundId),
            Reason = Reason,
        };
        return creator.CreateAsync(payment.ClientId, payment.Id, body, refundId, fromReview: true, cancellationToken);
    }

    private static string MerchantRefundId(string refundId) => "review-" + refundId;

    private static partial class Log
    {
        [LoggerMessage(EventId = 320, Level = LogLevel.Warning, Message = "Payment {PaymentId}: unexpected payment refunded at once as {RefundId} (HTTP {Status})")]
        public static partial void AutoRefund(ILogger logger, string paymentId, string refundId, int status);
    }
}
