using Gateway.Reconciliation;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Public extension classes live in the DI namespace, as YARP's do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers daily reconciliation: the run, its store and metric, and the scheduler.</summary>
public static class GatewayReconciliationServiceCollectionExtensions
{
    /// <summary>Adds reconciliation, configured from <c>Gateway:Reconciliation</c>.</summary>
    public static IServiceCollection AddGatewayReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection("Gateway:Reconciliation"))
            .Validate(o => o.RunAt >= TimeSpan.Zero && o.RunAt < TimeSpan.FromDays(1), "Gateway:Reconciliation:RunAt must be a time of day (hh:mm, Beijing time).")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero, "Gateway:Reconciliation:PollInterval and Lease must be positive.")
            .Validate(o => o.RetrySchedule is null || o.RetrySchedule.All(d => d > TimeSpan.Zero), "Gateway:Reconciliation:RetrySchedule delays must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<ReconciliationStore>();
        services.TryAddSingleton<StatementMatcher>();
        services.TryAddSingleton<RefundHealer>();
        services.TryAddSingleton<OpenDiscrepancyGauge>();
        services.TryAddSingleton<Reconciler>();
        services.AddHostedService<ReconciliationWorker>();
        return services;
    }
}
