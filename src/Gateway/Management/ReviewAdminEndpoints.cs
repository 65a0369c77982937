using Gateway.Abstractions.Payments;
using Gateway.Errors;
using Gateway.Payments;
using Gateway.Store;
using Gateway.Webhooks;

namespace Gateway.Management;

/// <summary>
/// The review queue: payments whose money was received but could not simply count
/// (<c>requires_review</c>: paid another amount, after the close, or twice for one order), and accepting one
/// as paid. Refunding one instead is <c>POST /admin/payments/{id}/refund</c> (Refunds/ReviewRefundEndpoints).
/// </summary>
internal static class ReviewAdminEndpoints
{
    public static void MapReviewAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/reviews", ListAsync);
        admin.MapPost("/payments/{id}/accept", AcceptAsync);
    }

    private static async Task<IResult> ListAsync(int? limit, IPaymentStore store, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 500)
        {
            return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 500."] });
        }

        var held = await store.SearchAsync(new PaymentSearch { Status = PaymentStatus.RequiresReview, Limit = limit ?? 50 }, cancellationToken);
        return Results.Ok(new AdminList<AdminPayment>(held.Select(p => new AdminPayment(PaymentResponse.From(p), p.ClientId, p.Plugin, p.TraceParent)).ToList()));
    }

    /// <summary>
    /// requires_review → succeeded with the amount actually paid, one conditional transition with its
    /// <c>payment.succeeded</c> webhook. Refused while another payment of the same order holds the money.
    /// </summary>
    private static async Task<IResult> AcceptAsync(string id, IPaymentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } payment)
        {
            return GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such payment.", $"No payment '{id}'.");
        }

        var accept = new PaymentTransition(id, [PaymentStatus.RequiresReview], PaymentStatus.Succeeded) { EventType = WebhookEventTypes.PaymentSucceeded };
        if (payment.Status == PaymentStatus.RequiresReview && await store.TryTransitionAsync(accept, time.GetUtcNow(), cancellationToken))
        {
            return Results.Ok(PaymentResponse.From((await store.GetAsync(id, cancellationToken))!));
        }

        var current = await store.GetAsync(id, cancellationToken) ?? payment;
        if (current.Status == PaymentStatus.RequiresReview && current.ReviewRefundId is { } refundId)
        {
            return GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.InvalidState, "The payment's money is being given back.",
                $"Payment '{id}' is being refunded by refund '{refundId}'.");
        }

        return current.Status == PaymentStatus.RequiresReview
            ? GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.OrderAlreadyPaid, "Another payment of this merchant order is paid.",
                $"Merchant order '{current.MerchantOrderId}' already has a paid payment; refund this one instead.")
            : GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.InvalidState, "The payment is not waiting for review.",
                $"Payment '{id}' is {current.Status.ToName()}.");
    }
}
