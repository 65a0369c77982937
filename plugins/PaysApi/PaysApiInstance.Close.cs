using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.PaysApi;

internal sealed partial class PaysApiInstance
{
    private const string LocalClose = "LOCAL";

    /// <summary>
    /// PaysAPI has no close API: an order there simply goes unpaid. Closing is therefore local only; the
    /// gateway stops offering the pay page and QR. Should PaysAPI still notify a payment afterwards, the
    /// host's paid-after-close rule applies (the provider took the money, so its word wins).
    /// </summary>
    public Task<ProviderResult<CloseResult>> CloseAsync(PaymentQuery query, CancellationToken cancellationToken)
        => Task.FromResult(ProviderResult<CloseResult>.Success(new CloseResult(LocalClose)));
}
