using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.PaysApi;

internal sealed partial class PaysApiInstance
{
    /// <summary>
    /// PaysAPI documents no order query (a third-party wrapper names an unconfirmed
    /// <c>get_order_staus_by_id</c>, docs/protocols.md §E1), so the notify is the only source of truth.
    /// </summary>
    public Task<ProviderResult<PaymentQueryResult>> QueryAsync(PaymentQuery query, CancellationToken cancellationToken)
        => Task.FromResult(ProviderResult<PaymentQueryResult>.NotSupported("query"));
}
