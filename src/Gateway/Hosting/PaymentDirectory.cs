using Gateway.Abstractions.Hosting;
using Gateway.Store;

namespace Gateway.Hosting;

/// <summary>The contract's read view of payments for plugin routes; scoped to the asking instance.</summary>
internal sealed class PaymentDirectory : IPaymentDirectory
{
    private readonly IPaymentStore _store;

    public PaymentDirectory(IPaymentStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
    }

    public async ValueTask<PaymentView?> FindAsync(string instanceName, string paymentId, CancellationToken cancellationToken)
    {
        var payment = await _store.GetAsync(paymentId, cancellationToken);
        if (payment is null || payment.ProviderInstance != instanceName)
        {
            return null;
        }

        return new PaymentView
        {
            Id = payment.Id,
            Channel = payment.Channel,
            Status = payment.Status,
            Amount = payment.Amount,
            Currency = payment.Currency,
            Description = payment.Description,
            ExpiresAt = payment.ExpiresAt,
            Action = payment.Action,
        };
    }
}
