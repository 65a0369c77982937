using Gateway.Client.Refunds;

namespace Gateway.Client;

public sealed partial class GatewayClient
{
    /// <summary>
    /// <c>POST /v1/payments/{id}/refunds</c>: refunds (part of) a paid payment. The refund comes back
    /// <see cref="RefundStatuses.Pending"/> and settles later (<c>refund.succeeded</c> / <c>refund.failed</c>).
    /// </summary>
    public Task<Refund> CreateRefundAsync(string paymentId, CreateRefundRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostAsync<Refund>($"/v1/payments/{Segment(paymentId)}/refunds", request, idempotencyKey, cancellationToken);
    }

    /// <summary><c>GET /v1/refunds/{id}</c>.</summary>
    public Task<Refund> GetRefundAsync(string id, CancellationToken cancellationToken = default)
        => GetAsync<Refund>($"/v1/refunds/{Segment(id)}", cancellationToken);

    /// <summary><c>GET /v1/payments/{id}/refunds</c>: a payment's refunds, oldest first.</summary>
    public async Task<IReadOnlyList<Refund>> ListRefundsAsync(string paymentId, CancellationToken cancellationToken = default)
        => (await GetAsync<RefundList>($"/v1/payments/{Segment(paymentId)}/refunds", cancellationToken)).Data;

    /// <summary><c>GET /v1/refunds?merchantRefundId=</c>: this client's refund under your refund id, if any.</summary>
    public async Task<IReadOnlyList<Refund>> FindRefundsAsync(string merchantRefundId, CancellationToken cancellationToken = default)
        => (await GetAsync<RefundList>($"/v1/refunds?merchantRefundId={Segment(merchantRefundId)}", cancellationToken)).Data;
}
