using Gateway.Payments;
using Gateway.Refunds;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the DI namespace, as ASP.NET Core and YARP do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers refunds: the ledger, the API's creator, the settler shared by notify and sync, and refund sync.</summary>
internal static class GatewayRefundsServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayRefunds(this IServiceCollection services, IConfiguration gatewaySection)
    {
        services.AddOptions<RefundOptions>().Bind(gatewaySection.GetSection("Refunds"))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.EffectiveSchedule.All(d => d >= TimeSpan.Zero),
                "Gateway:Refunds: PollInterval must be positive and SyncSchedule delays non-negative.")
            .ValidateOnStart();
        services.TryAddSingleton<RefundEventFactory>();
        services.TryAddSingleton<RefundLedger>();
        services.TryAddSingleton<RefundSettler>();
        services.TryAddSingleton<RefundCreator>();
        services.TryAddSingleton<ReviewRefunder>();
        services.TryAddSingleton<IUnexpectedPaymentRefunder>(sp => sp.GetRequiredService<ReviewRefunder>());
        services.AddHostedService<RefundSyncWorker>();
        return services;
    }
}
