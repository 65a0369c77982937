using Gateway.Client.Payments;

namespace Gateway.Client;

public sealed partial class GatewayClient
{
    /// <summary><c>POST /v1/payments</c>: creates a payment and returns what the payer must do (<see cref="Payment.Action"/>).</summary>
    /// <param name="request">The payment.</param>
    /// <param name="idempotencyKey">Your key for this create (e.g. derived from your order); a random one when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Payment> CreatePaymentAsync(CreatePaymentRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostAsync<Payment>("/v1/payments", request, idempotencyKey, cancellationToken);
    }

    /// <summary><c>GET /v1/payments/{id}</c>: a pending payment is confirmed with the provider first.</summary>
    public Task<Payment> GetPaymentAsync(string id, CancellationToken cancellationToken = default)
        => GetAsync<Payment>($"/v1/payments/{Segment(id)}", cancellationToken);

    /// <summary><c>GET /v1/payments?merchantOrderId=</c>: this client's payments for one merchant order id.</summary>
    public async Task<IReadOnlyList<Payment>> FindPaymentsAsync(string merchantOrderId, CancellationToken cancellationToken = default)
        => (await GetAsync<PaymentList>($"/v1/payments?merchantOrderId={Segment(merchantOrderId)}", cancellationToken)).Data;

    /// <summary><c>POST /v1/payments/{id}/close</c>: closes a pending payment at the provider.</summary>
    public Task<Payment> ClosePaymentAsync(string id, string? idempotencyKey = null, CancellationToken cancellationToken = default)
        => PostAsync<Payment>($"/v1/payments/{Segment(id)}/close", null, idempotencyKey, cancellationToken);
}
