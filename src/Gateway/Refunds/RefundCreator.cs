using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Refunds;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Payments;
using Gateway.Plugins;
using Gateway.Store;
using Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Gateway.Refunds;

/// <summary>
/// <c>POST /v1/payments/{id}/refunds</c>: the refund is written as pending (reserving its amount) BEFORE the
/// provider is called. A refusal fails it (releasing the amount); a timeout leaves it pending for the refund
/// notify or refund sync to settle; an acceptance leaves it pending too, since providers refund asynchronously.
/// </summary>
internal sealed class RefundCreator(
    RefundLedger ledger, IPaymentStore payments, GatewaySnapshotProvider snapshots, RefundSettler settler, TimeProvider time,
    ProviderCallObserver calls, IOptions<RefundOptions> options)
{
    public Task<IResult> CreateAsync(string clientId, string paymentId, CreateRefundBody body, CancellationToken cancellationToken)
        => CreateAsync(clientId, paymentId, body, refundId: null, fromReview: false, cancellationToken);

    /// <summary>
    /// <paramref name="fromReview"/>: gives back a <c>requires_review</c> payment's money (<see cref="ReviewRefunder"/>),
    /// the only way such a payment is refundable; <paramref name="refundId"/> is the id the review already named, if any.
    /// </summary>
    public async Task<IResult> CreateAsync(
        string clientId, string paymentId, CreateRefundBody body, string? refundId, bool fromReview, CancellationToken cancellationToken)
    {
        if (body.Validate() is { Count: > 0 } errors)
        {
            return GatewayProblems.Invalid(errors);
        }

        var payment = await payments.GetAsync(paymentId, cancellationToken);
        if (payment is null || payment.ClientId != clientId)
        {
            return GatewayProblems.PaymentNotFound(paymentId);
        }

        if (!snapshots.Current.Instances.TryGetValue(payment.ProviderInstance, out var instance))
        {
            return GatewayProblems.Problem(StatusCodes.Status503ServiceUnavailable, GatewayProblems.ProviderUnavailable,
                "The payment's provider instance is not available.", $"Instance '{payment.ProviderInstance}' is not loaded.");
        }

        if (instance.Instance is not IRefundProvider refunds)
        {
            return RefundProblems.NotSupported(instance.Name);
        }

        if (refunds.RefundsUnavailableReason is { } unavailable)
        {
            return RefundProblems.Unavailable(instance.Name, unavailable);
        }

        var now = time.GetUtcNow();
        var refund = new RefundRecord
        {
            Id = refundId ?? PaymentIds.NewRefundId(now),
            PaymentId = payment.Id,
            ClientId = clientId,
            ProviderInstance = payment.ProviderInstance,
            MerchantRefundId = body.MerchantRefundId!,
            Amount = body.Amount!.Value,
            Currency = payment.Currency,
            Reason = body.Reason,
            Status = RefundStatus.Pending,
            Source = RefundSources.Api,
            CreatedAt = now,
            UpdatedAt = now,
            NextSyncAt = now + options.Value.EffectiveSchedule[0],
        };
        var reservation = await ledger.ReserveAsync(refund, cancellationToken, fromReview);
        switch (reservation.Outcome)
        {
            case ReservationOutcome.PaymentNotFound:
                return GatewayProblems.PaymentNotFound(paymentId);
            case ReservationOutcome.InvalidState:
                return RefundProblems.InvalidState(reservation.PaymentStatus!.Value);
            case ReservationOutcome.ExceedsPaid:
                return RefundProblems.Exceeds(reservation.Remaining);
            case ReservationOutcome.Duplicate:
                var existing = reservation.Existing!;
                return existing.PaymentId == refund.PaymentId && existing.Amount == refund.Amount && existing.Reason == refund.Reason
                    ? Results.Ok(RefundResponse.From(existing))
                    : RefundProblems.Duplicate(existing);
        }

        return await SendAsync(instance, payment, refund, cancellationToken);
    }

    /// <summary>Sends a written refund to the provider (also used by refund sync for one never sent).</summary>
    public async Task<IResult> SendAsync(ProviderInstanceState instance, PaymentRecord payment, RefundRecord refund, CancellationToken cancellationToken)
    {
        var request = new RefundRequest
        {
            Payment = new PaymentQuery(payment.Id, payment.ProviderTransactionId, payment.Amount),
            RefundId = refund.Id,
            TotalAmount = payment.Amount,
            RefundAmount = refund.Amount,
            Currency = refund.Currency,
            Reason = refund.Reason,
        };
        ProviderResult<RefundResult> result;
        try
        {
            result = await calls.CallAsync(instance, "refund", payment.Id, () => instance.Instance.RefundAsync(request, cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The outcome is unknown: the refund stays pending (its amount reserved) until the notify or refund sync settles it.
            return Created(await ledger.GetAsync(refund.Id, cancellationToken) ?? refund);
        }

        if (result.Error is { } error)
        {
            if (error.Kind == ProviderErrorKind.Transient)
            {
                return Created(await ledger.GetAsync(refund.Id, cancellationToken) ?? refund);
            }

            await settler.ApplyAsync(refund, RefundState.Failed, error.Code, null, null, cancellationToken, error.Message);
            return GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, GatewayProblems.ProviderRejected,
                $"The provider of instance '{instance.Name}' refused the refund.", error.Message,
                new Dictionary<string, object?> { ["providerCode"] = error.Code, ["instance"] = instance.Name, ["refundId"] = refund.Id });
        }

        await ledger.RecordAcceptedAsync(refund.Id, result.Value!.ProviderRefundId, result.Value.ProviderState, time.GetUtcNow(), cancellationToken);
        return Created(await ledger.GetAsync(refund.Id, cancellationToken) ?? refund);
    }

    private static IResult Created(RefundRecord refund) => Results.Created($"/v1/refunds/{refund.Id}", RefundResponse.From(refund));
}

/// <summary>Where a refund came from.</summary>
internal static class RefundSources
{
    public const string Api = "api";
    public const string Offline = "offline";
}
