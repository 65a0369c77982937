using Gateway.Client.Payments;
using Gateway.Client.ProductCodes;

namespace Gateway.Client;

public sealed partial class GatewayClient
{
    /// <summary><c>POST /v1/product-codes</c>: a long-lived QR for one product at a fixed price.</summary>
    public Task<ProductCode> CreateProductCodeAsync(CreateProductCodeRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostAsync<ProductCode>("/v1/product-codes", request, idempotencyKey, cancellationToken);
    }

    /// <summary><c>GET /v1/product-codes/{id}</c>.</summary>
    public Task<ProductCode> GetProductCodeAsync(string id, CancellationToken cancellationToken = default)
        => GetAsync<ProductCode>($"/v1/product-codes/{Segment(id)}", cancellationToken);

    /// <summary><c>POST /v1/product-codes/{id}/disable</c>: later scans are refused.</summary>
    public Task<ProductCode> DisableProductCodeAsync(string id, string? idempotencyKey = null, CancellationToken cancellationToken = default)
        => PostAsync<ProductCode>($"/v1/product-codes/{Segment(id)}/disable", null, idempotencyKey, cancellationToken);

    /// <summary><c>GET /v1/product-codes/{id}/payments</c>: the payments made from a code, newest first.</summary>
    public async Task<IReadOnlyList<Payment>> ListProductCodePaymentsAsync(string id, CancellationToken cancellationToken = default)
        => (await GetAsync<PaymentList>($"/v1/product-codes/{Segment(id)}/payments", cancellationToken)).Data;
}
