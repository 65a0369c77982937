using System.Diagnostics;
using Gateway.Abstractions.Payments;
using Gateway.Checkout;
using Gateway.Errors;
using Gateway.Store;

namespace Gateway.Payments;

internal sealed partial class PaymentCreator
{
    /// <summary>
    /// <c>"channel": "any"</c>: one payment whose channel the payer chooses on the checkout page (Jeepay's QR_CASHIER).
    /// The row is written with no instance and no provider order; the choice places the order
    /// (<see cref="CheckoutChooser"/>). Until then nothing is synced: it only expires, locally.
    /// </summary>
    private async Task<IResult> CreateAggregatedAsync(string clientId, CreatePaymentBody body, Activity? activity, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
        var record = new PaymentRecord
        {
            Id = PaymentIds.NewPaymentId(now),
            ClientId = clientId,
            MerchantOrderId = body.MerchantOrderId!,
            Channel = CheckoutChoices.Any,
            RequestedChannel = CheckoutChoices.Any,
            ProviderInstance = "",
            Plugin = "",
            MerchantId = "",
            Amount = body.Amount!.Value,
            Currency = body.Currency!,
            Description = body.Description!,
            ClientIp = body.ClientIp!,
            NotifyUrl = body.NotifyUrl,
            ReturnUrl = body.ReturnUrl,
            Metadata = body.Metadata ?? [],
            Status = PaymentStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddSeconds(body.ExpiresIn ?? _options.DefaultExpiresInSeconds),
            TraceParent = Activity.Current?.Id,
        };
        record = record with { NextSyncAt = record.ExpiresAt };
        activity?.SetTag("payment.id", record.Id).SetTag("payment.channel", CheckoutChoices.Any);

        if (_choices.Routed(record).Count == 0)
        {
            _metrics.PaymentCreated("unrouted", null, "not_routed");
            activity?.SetTag("outcome", "not_routed");
            return GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, GatewayProblems.ChannelNotRouted,
                "No route serves this channel.", "No channel a payer can choose on the checkout page is routed for this client and amount.");
        }

        if (!await _store.TryInsertAsync(record, cancellationToken))
        {
            activity?.SetTag("outcome", "duplicate");
            return GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.DuplicateMerchantOrder, "Duplicate merchant order.",
                $"This client already has a live payment for merchantOrderId '{record.MerchantOrderId}'.");
        }

        _metrics.PaymentCreated(CheckoutChoices.Any, null, "created");
        activity?.SetTag("outcome", "created");
        return Results.Created($"/v1/payments/{record.Id}", PaymentResponse.From(record, _checkout));
    }
}
