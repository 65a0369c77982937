namespace Gateway.Refunds;

/// <summary>
/// <c>POST /admin/payments/{id}/refund</c>: gives back all that was paid on a payment in <c>requires_review</c>
/// where its provider can refund (422 <c>refunds_not_supported</c> naming the instance where it cannot: record a
/// refund made by hand with <c>offline-refunds</c>). <c>/v1</c> refunds of a payment in review stay 409.
/// </summary>
internal static class ReviewRefundEndpoints
{
    public static void MapReviewRefundAdmin(this RouteGroupBuilder admin)
        => admin.MapPost("/payments/{id}/refund", (string id, ReviewRefunder refunder, CancellationToken cancellationToken)
            => refunder.RefundHeldAsync(id, cancellationToken));
}
