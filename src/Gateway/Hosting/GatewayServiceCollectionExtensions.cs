using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.ProductCodes;
using Gateway.Configuration;
using Gateway.Hosting;
using Gateway.Notify;
using Gateway.Payments;
using Gateway.Plugins;
using Gateway.ProductCodes;
using Gateway.Security;
using Gateway.Store;
using Gateway.Telemetry;
using Gateway.Idempotency;
using Gateway.Redis;
using Gateway.Sync;
using Gateway.Webhooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Public extension classes live in the DI namespace, as YARP's do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gateway host's services.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds the unified API, routing, plugin loading, notify pipeline and store.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Gateway:PublicBaseUrl must be an absolute URL.")
            .Validate(o => o.Store.Provider.ToLowerInvariant() is "sqlite" or "postgresql" or "postgres", "Gateway:Store:Provider must be 'Sqlite' or 'PostgreSql'.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.ConfigureHttpClientDefaults(http => http.ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(30)));
        services.AddProblemDetails();
        services.AddExceptionHandler<Gateway.Errors.OutageExceptionHandler>();
        services.AddExceptionHandler<Gateway.Errors.UnreadableBodyExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => GatewayJsonOptions.Apply(o.SerializerOptions));

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();

        var section = configuration.GetSection(GatewayOptions.SectionName);
        services.AddOptions<NotifyOptions>().Bind(section.GetSection("Notify"))
            .Validate(o => o.InProcessDedupeCapacity is >= 1 and <= 10_000_000, "Gateway:Notify:InProcessDedupeCapacity must be between 1 and 10000000.")
            .ValidateOnStart();
        services.AddOptions<Gateway.RequestHygiene.RequestHygieneOptions>().Bind(section.GetSection("Requests"))
            .Validate(o => o.MaxBodyBytes >= 1024, "Gateway:Requests:MaxBodyBytes must be at least 1024.").ValidateOnStart();
        services.AddOptions<IdempotencyOptions>().Bind(section.GetSection("Idempotency"))
            .Validate(o => o.InProcessCapacity is >= 1 and <= 10_000_000, "Gateway:Idempotency:InProcessCapacity must be between 1 and 10000000.")
            .ValidateOnStart();
        services.Configure<WebhookOptions>(section.GetSection("Webhooks"));
        services.Configure<SyncOptions>(section.GetSection("Sync"));

        services.TryAddSingleton(sp => StoreDialect.Create(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Store.Provider, sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Store.ConnectionString));
        services.TryAddSingleton<WebhookEventFactory>();
        services.TryAddSingleton<IPaymentStore>(sp => new SqlPaymentStore(
            sp.GetRequiredService<StoreDialect>(), sp.GetRequiredService<WebhookEventFactory>().Create, sp.GetRequiredService<ILogger<SqlPaymentStore>>(),
            sp.GetRequiredService<Gateway.PaymentChanges.IPaymentChangePublisher>()));
        services.TryAddSingleton<WebhookStore>();
        services.TryAddSingleton<NotifyInbox>();
        services.TryAddSingleton<NotifyRejectionLog>();
        services.TryAddSingleton<NotifyInboxRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<NotifyInboxRecorder>());
        services.AddGatewayOutboundUrlPolicy(section);
        services.AddGatewayCheckout(section);
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<PaymentSyncWorker>();
        services.AddHostedService<NotifyInboxRetention>();
        services.AddGatewayRefunds(section);
        services.AddGatewayStateBackend(section["Redis:Configuration"]);
        services.TryAddSingleton<IPaymentDirectory, PaymentDirectory>();

        services.TryAddSingleton<PluginFolderLoader>();
        services.TryAddSingleton<PluginCatalog>();
        services.AddGatewayDropIn(configuration);
        services.TryAddSingleton<GatewaySnapshotBuilder>();
        services.TryAddSingleton<GatewaySnapshotProvider>();
        services.TryAddSingleton<PluginEndpointDataSource>();

        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton<ProviderCallObserver>();
        services.AddGatewayRateLimiting(configuration);
        services.AddGatewayBulkheads();
        services.AddGatewayHealthChecks();
        services.AddGatewayAdmin(configuration);
        services.AddGatewayOpenApi();
        services.AddGatewayReconciliation(configuration);

        services.AddOptions<UnexpectedPaymentOptions>().Bind(configuration.GetSection(UnexpectedPaymentOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UnexpectedPaymentOptions>, UnexpectedPaymentOptionsValidator>());
        services.TryAddSingleton<ProviderReportApplier>();
        services.TryAddSingleton<PaymentSynchronizer>();
        services.TryAddSingleton<PaymentCreator>();
        services.TryAddSingleton<PaymentQrImages>();
        services.TryAddSingleton<ProductCodeStore>();
        services.TryAddSingleton<ProductCodeRegistrar>();
        services.TryAddSingleton<IProductCodePayments, ProductCodePayments>();
        services.TryAddSingleton<PaymentCloser>();
        services.TryAddSingleton<NotifyPipeline>();
        services.TryAddSingleton<NotifyReceiver>();
        return services;
    }
}
