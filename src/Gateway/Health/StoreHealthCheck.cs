using Gateway.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Health;

/// <summary>The payment store answers a query.</summary>
internal sealed class StoreHealthCheck : IHealthCheck
{
    private readonly IPaymentStore _store;

    public StoreHealthCheck(IPaymentStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await _store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("The payment store answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception type only: driver messages can carry connection details.
            return HealthCheckResult.Unhealthy($"The payment store does not answer ({ex.GetType().Name}).");
        }
    }
}
