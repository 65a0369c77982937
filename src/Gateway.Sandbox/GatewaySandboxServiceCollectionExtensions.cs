using Gateway.Sandbox.Faults;
using Gateway.Sandbox.Notify;
using Gateway.Sandbox.PaysApi.Api;
using Gateway.Sandbox.PaysApi.Configuration;
using Gateway.Sandbox.PaysApi.Merchants;
using Gateway.Sandbox.PaysApi.Notify;
using Gateway.Sandbox.PaysApi.Orders;
using Gateway.Sandbox.WeChatOpen;
using Gateway.Sandbox.WeChatPay.Api;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.Sandbox.WeChatPay.Notify;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Payer;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.Sandbox.WeChatPayV3.Api;
using Gateway.Sandbox.WeChatPayV3.Bills;
using Gateway.Sandbox.WeChatPayV3.Configuration;
using Gateway.Sandbox.WeChatPayV3.Notify;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.Sandbox.WeChatPayV3.Protocol;
using Gateway.Sandbox.WeChatPay.Refunds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the DI namespace, as ASP.NET Core and YARP do, so hosts find it without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the provider sandbox (test mode).</summary>
public static class GatewaySandboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds the simulated providers, configured from <paramref name="sandboxSection"/> (its <c>WeChatPay</c>
    /// child binds <see cref="WeChatPaySandboxOptions"/>, its <c>PaysApi</c> child <see cref="PaysApiSandboxOptions"/>,
    /// both validated at start; its <c>WeChat</c> child binds <see cref="WeChatOpenSandboxOptions"/>), their notify
    /// senders as hosted services, the faults (<c>Faults</c> child, <see cref="SandboxFaultsOptions"/>), and the named HttpClient <c>"Gateway.Sandbox.Notify"</c> they post notifies with.
    /// Map the endpoints with <c>MapGatewaySandbox</c>.
    /// </summary>
    public static IServiceCollection AddGatewaySandbox(this IServiceCollection services, IConfiguration sandboxSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sandboxSection);

        var weChatSection = sandboxSection.GetSection(WeChatPaySandboxOptions.SectionName);
        services.AddOptions<WeChatPaySandboxOptions>()
            .Bind(weChatSection)
            .PostConfigure(o => o.NotifyRetrySchedule ??= [.. WeChatPaySandboxOptions.DefaultNotifyRetrySchedule])
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatPaySandboxOptions>>(
            new WeChatPaySandboxOptionsValidator(weChatSection.Path)));

        services.AddOptions<WeChatOpenSandboxOptions>().Bind(sandboxSection.GetSection(WeChatOpenSandboxOptions.SectionName));
        services.TryAddSingleton<OpenPlatformSimulator>();
        services.TryAddSingleton<IssuedOpenIds>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(NotifyPoster.HttpClientName);

        services.TryAddSingleton<MerchantDirectory>();
        services.TryAddSingleton<RequestAuthenticator>();
        services.TryAddSingleton<OrderBook>();
        services.TryAddSingleton<UnifiedOrderOperation>();
        services.TryAddSingleton<OrderQueryOperation>();
        services.TryAddSingleton<CloseOrderOperation>();
        services.TryAddSingleton<DownloadBillOperation>();
        services.TryAddSingleton<PaymentSimulator>();
        services.TryAddSingleton<ProductCodeScanner>();
        services.TryAddSingleton<NotifyQueue>();
        services.TryAddSingleton<NotifyPoster>();
        services.TryAddSingleton<NotifyDelivery>();
        services.AddHostedService<NotifySender>();
        services.TryAddSingleton<RefundOperation>();
        services.TryAddSingleton<RefundQueryOperation>();
        services.TryAddSingleton<RefundNotifyQueue>();
        services.AddHostedService<RefundNotifySender>();
        services.AddHostedService<SecureApiServer>();

        AddWeChatPayV3(services, weChatSection.Path);
        AddPaysApi(services, sandboxSection.GetSection(PaysApiSandboxOptions.SectionName));
        AddFaults(services, sandboxSection);
        return services;
    }

    private static void AddFaults(IServiceCollection services, IConfiguration sandboxSection)
    {
        services.AddOptions<SandboxFaultsOptions>().Bind(sandboxSection).ValidateOnStart();
        // Errors name the key below the sandbox section (Faults:N), which is where a developer looks.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SandboxFaultsOptions>, SandboxFaultsOptionsValidator>());
        services.TryAddSingleton<FaultBook>();
        services.TryAddSingleton<NotifyFaults>();
        services.TryAddSingleton<WeChatApiFaults>();
    }

    // APIv3 shares the v2 merchants, order book and payer; it adds its keys, its API and its notify sender.
    private static void AddWeChatPayV3(IServiceCollection services, string sectionPath)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatPaySandboxOptions>>(
            new WeChatPayV3SandboxOptionsValidator(sectionPath)));
        services.TryAddSingleton<V3Platform>();
        services.TryAddSingleton<V3Replies>();
        services.TryAddSingleton<V3RequestAuthenticator>();
        services.TryAddSingleton<PrepayOperation>();
        services.TryAddSingleton<CertificatesOperation>();
        services.TryAddSingleton<BillFiles>();
        services.TryAddSingleton<TradeBillOperation>();
        services.TryAddSingleton<V3Api>();
        services.TryAddSingleton<V3NotifyQueue>();
        services.AddHostedService<V3NotifySender>();
        services.TryAddSingleton<Gateway.Sandbox.WeChatPayV3.Refunds.RefundsOperation>();
        services.TryAddSingleton<Gateway.Sandbox.WeChatPayV3.Refunds.V3RefundNotifyDelivery>();
    }

    private static void AddPaysApi(IServiceCollection services, IConfigurationSection section)
    {
        services.AddOptions<PaysApiSandboxOptions>()
            .Bind(section)
            .PostConfigure(o => o.NotifyRetrySchedule ??= [.. PaysApiSandboxOptions.DefaultNotifyRetrySchedule])
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaysApiSandboxOptions>>(
            new PaysApiSandboxOptionsValidator(section.Path)));
        services.TryAddSingleton<PaysApiMerchants>();
        services.TryAddSingleton<PayRequestReader>();
        services.TryAddSingleton<PaysApiOrderBook>();
        services.TryAddSingleton<PaysApiNotifyQueue>();
        services.AddHostedService<PaysApiNotifySender>();
    }
}
