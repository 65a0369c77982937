using Gateway.Abstractions.Payments;

namespace Gateway.Store;

/// <summary>An ops search over all clients' payments; every filter is optional, results newest first.</summary>
internal sealed record PaymentSearch
{
    public PaymentStatus? Status { get; init; }
    public string? ProviderInstance { get; init; }
    public string? MerchantOrderId { get; init; }

    /// <summary>At most this many rows (1 to 500).</summary>
    public int Limit { get; init; } = 50;
}
