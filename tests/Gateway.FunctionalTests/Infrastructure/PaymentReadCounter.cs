using System.Collections.Concurrent;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>Counts the reads of each payment by id (every read a request path could make), through a decorated store.</summary>
internal sealed class PaymentReadCounter
{
    private readonly ConcurrentDictionary<string, int> _reads = new();

    public int Of(string id) => _reads.GetValueOrDefault(id);

    public void Reset() => _reads.Clear();

    /// <summary>Test services: the gateway's payment store, counted.</summary>
    public void Decorate(IServiceCollection services) => services.DecoratePaymentStore(store => new Store(store, this));

    private sealed class Store(IPaymentStore inner, PaymentReadCounter owner) : DelegatingPaymentStore(inner)
    {
        public override Task<PaymentRecord?> GetAsync(string id, CancellationToken cancellationToken)
        {
            owner._reads.AddOrUpdate(id, 1, (_, n) => n + 1);
            return base.GetAsync(id, cancellationToken);
        }
    }
}
