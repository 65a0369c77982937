using Gateway.Abstractions.Payments;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Store;
using Gateway.Telemetry;
using Gateway.Webhooks;

namespace Gateway.Payments;

/// <summary>
/// <c>POST /v1/payments/{id}/close</c>: closes at the provider first, then locally. If the process dies
/// in between, the payment is still pending here and sync finds it CLOSED at the provider.
/// </summary>
internal sealed class PaymentCloser
{
    private readonly IPaymentStore _store;
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly PaymentSynchronizer _synchronizer;
    private readonly TimeProvider _time;
    private readonly ProviderCallObserver _calls;

    public PaymentCloser(IPaymentStore store, GatewaySnapshotProvider snapshots, PaymentSynchronizer synchronizer, TimeProvider time, ProviderCallObserver calls)
    {
        _store = store;
        _snapshots = snapshots;
        _synchronizer = synchronizer;
        _time = time;
        _calls = calls;
    }

    public async Task<IResult> CloseAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        if (payment.Status == PaymentStatus.Closed)
        {
            return Results.Ok(PaymentResponse.From(payment));
        }

        if (payment.Status != PaymentStatus.Pending)
        {
            return NotClosable(payment);
        }

        if (payment.AwaitsChoice)
        {
            // An aggregated checkout with no channel chosen yet has no provider order: closing is local.
            return await CloseLocallyAsync(payment, cancellationToken);
        }

        if (!_snapshots.Current.Instances.TryGetValue(payment.ProviderInstance, out var instance))
        {
            return GatewayProblems.Problem(StatusCodes.Status503ServiceUnavailable, GatewayProblems.ProviderUnavailable,
                "The payment's provider instance is not available.", $"Instance '{payment.ProviderInstance}' is not loaded.");
        }

        using var activity = GatewayActivities.StartForPayment(GatewayActivities.Close, payment.Id, payment.TraceParent);
        activity?.SetTag("provider.instance", payment.ProviderInstance);
        ProviderResult<CloseResult> result;
        try
        {
            result = await _calls.CallAsync(instance, "close", payment.Id,
                () => instance.Instance.CloseAsync(new PaymentQuery(payment.Id, payment.ProviderTransactionId, payment.Amount), cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Nothing changed here; the caller may retry the close (it is idempotent at the provider).
            return GatewayProblems.Problem(StatusCodes.Status502BadGateway, GatewayProblems.ProviderUnavailable, "The provider could not be reached.",
                "The payment is unchanged; retry the close.", new Dictionary<string, object?> { ["paymentId"] = payment.Id });
        }

        if (result.Error is { } error)
        {
            // ORDERPAID and friends: the provider knows better; pick its state up before answering.
            var synced = await _synchronizer.SyncAsync(payment, cancellationToken);
            if (synced.Status != PaymentStatus.Pending)
            {
                return NotClosable(synced);
            }

            return GatewayProblems.Problem(
                error.Kind == ProviderErrorKind.Transient ? StatusCodes.Status502BadGateway : StatusCodes.Status422UnprocessableEntity,
                error.Kind == ProviderErrorKind.Transient ? GatewayProblems.ProviderUnavailable : GatewayProblems.ProviderRejected,
                "The provider refused to close the payment.", error.Message,
                new Dictionary<string, object?> { ["providerCode"] = error.Code });
        }

        return await CloseLocallyAsync(payment, cancellationToken);
    }

    private async Task<IResult> CloseLocallyAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        // Only at the instance closed: if the payer of an aggregated checkout switched meanwhile, the new order is open.
        await _store.TryTransitionAsync(
            new PaymentTransition(payment.Id, [PaymentStatus.Pending], PaymentStatus.Closed)
            {
                EventType = WebhookEventTypes.PaymentClosed, ProviderInstance = payment.ProviderInstance,
            },
            _time.GetUtcNow(), cancellationToken);
        var current = await _store.GetAsync(payment.Id, cancellationToken) ?? payment;
        return current.Status == PaymentStatus.Closed ? Results.Ok(PaymentResponse.From(current)) : NotClosable(current);
    }

    private static IResult NotClosable(PaymentRecord payment)
        => GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.InvalidState, "The payment cannot be closed.",
            $"The payment is {payment.Status.ToName()}.", new Dictionary<string, object?> { ["paymentStatus"] = payment.Status.ToName() });
}
