using System.Text.Json;
using Gateway.Abstractions.Payments;
using Gateway.Errors;
using Gateway.Payments;
using Gateway.Store;

namespace Gateway.Refunds;

/// <summary>
/// <c>POST /admin/payments/{id}/offline-refunds</c>: records a refund ops made by hand (a provider without a refund
/// API, such as PaysAPI, or an abnormal refund finished in the merchant platform), so the ledger stays true. It is
/// written as succeeded, under the same invariant as any refund, and sends <c>refund.succeeded</c>.
/// </summary>
internal static class OfflineRefundEndpoints
{
    public static void MapOfflineRefundsAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPost("/payments/{id}/offline-refunds", RecordAsync);
        admin.MapGet("/refunds", ListAsync);
    }

    private static async Task<IResult> RecordAsync(string id, HttpRequest request, IPaymentStore payments, RefundLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        CreateRefundBody? body;
        try
        {
            body = await request.ReadFromJsonAsync<CreateRefundBody>(cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return GatewayProblems.Malformed(ex.Message);
        }

        if (body is null || body.Validate() is { Count: > 0 })
        {
            return body is null ? GatewayProblems.Malformed("The body must be a JSON object.") : GatewayProblems.Invalid(body.Validate());
        }

        if (await payments.GetAsync(id, cancellationToken) is not { } payment)
        {
            return GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such payment.", $"No payment '{id}'.");
        }

        var now = time.GetUtcNow();
        var refund = new RefundRecord
        {
            Id = PaymentIds.NewRefundId(now),
            PaymentId = payment.Id,
            ClientId = payment.ClientId,
            ProviderInstance = payment.ProviderInstance,
            MerchantRefundId = body.MerchantRefundId!,
            Amount = body.Amount!.Value,
            Currency = payment.Currency,
            Reason = body.Reason,
            Status = RefundStatus.Succeeded,
            Source = RefundSources.Offline,
            CreatedAt = now,
            UpdatedAt = now,
            SucceededAt = now,
        };
        // A payment in review whose money ops gave back by hand leaves review through this refund.
        var reservation = await ledger.ReserveAsync(refund, cancellationToken, fromReview: payment.Status == PaymentStatus.RequiresReview);
        return reservation.Outcome switch
        {
            ReservationOutcome.Reserved => Results.Created($"/v1/refunds/{refund.Id}", RefundResponse.From(refund)),
            ReservationOutcome.InvalidState => RefundProblems.InvalidState(reservation.PaymentStatus!.Value),
            ReservationOutcome.ExceedsPaid => RefundProblems.Exceeds(reservation.Remaining),
            ReservationOutcome.Duplicate => RefundProblems.Duplicate(reservation.Existing!),
            _ => GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such payment.", $"No payment '{id}'."),
        };
    }

    // Failed refunds (CHANGE: abnormal, REFUNDCLOSE) are what ops must look at; ?status=pending shows the unsettled ones.
    private static async Task<IResult> ListAsync(string? status, int? limit, RefundLedger ledger, CancellationToken cancellationToken)
    {
        var wanted = status ?? RefundStatus.Failed.ToName();
        if (wanted is not ("pending" or "succeeded" or "failed"))
        {
            return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["status"] = ["must be pending, succeeded or failed."] });
        }

        var refunds = await ledger.SearchAsync(RefundStatusNames.Parse(wanted), Math.Clamp(limit ?? 100, 1, 500), cancellationToken);
        return Results.Ok(new RefundList(refunds.Select(RefundResponse.From).ToList()));
    }
}
