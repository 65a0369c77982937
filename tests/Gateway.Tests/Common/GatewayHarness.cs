using System.Collections.Frozen;
using Gateway.Configuration;
using Gateway.Payments;
using Gateway.Plugins;
using Gateway.Routing;
using Gateway.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Common;

/// <summary>
/// The host's routing and creation path wired by hand: reloadable in-memory configuration, a catalog
/// holding in-process fake plugins, the snapshot provider, passive health on a fake clock, and a
/// SQLite store in a temp file.
/// </summary>
internal sealed class GatewayHarness : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"gateway-unit-{Guid.NewGuid():N}.db");

    public GatewayHarness(Dictionary<string, string?> settings, params LoadedPlugin[] plugins)
    {
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var options = Options.Create(new GatewayOptions { PublicBaseUrl = "https://pay.example.test", PluginsPath = Path.GetTempPath() });
        var services = new ServiceCollection().BuildServiceProvider();
        Catalog = new PluginCatalog(
            new PluginFolderLoader(services, Options.Create(new PluginReloadOptions())), options, Time, Loggers.CreateLogger<PluginCatalog>());
        Catalog.Publish(new PluginSnapshot(plugins.ToFrozenDictionary(p => p.Descriptor.Name), []));
        IRoutingPolicy[] policies = [new FirstRoutingPolicy(), new RoundRobinRoutingPolicy(), new WeightedRoutingPolicy(), new FailoverRoutingPolicy()];
        Snapshots = new GatewaySnapshotProvider(Configuration, Catalog, new GatewaySnapshotBuilder(policies, options), Loggers.CreateLogger<GatewaySnapshotProvider>());
        Snapshots.LoadConfiguration();
        Health = new InstanceHealth(Time, new StaticOptionsMonitor<RoutingOptions>(new RoutingOptions { BenchSeconds = 30 }), Loggers.CreateLogger<InstanceHealth>());
        Picker = new RouteInstancePicker(Health);
        Store = new SqlPaymentStore(new SqliteDialect($"Data Source={_databasePath}"), (_, _, _) => null);
        Store.InitializeAsync(default).GetAwaiter().GetResult();
        var metrics = new Telemetry.GatewayMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        Creator = new PaymentCreator(Store, Snapshots, Picker, Health, Time, options, Options.Create(new Sync.SyncOptions()), Loggers.CreateLogger<PaymentCreator>(), metrics, new Telemetry.ProviderCallObserver(metrics, Time),
            new Security.ClientWebhookUrls(Snapshots, new Security.OutboundUrlPolicy(new Security.DnsOutboundAddressResolver(), new StaticOptionsMonitor<Security.OutboundUrlOptions>(new Security.OutboundUrlOptions()))),
            new Gateway.Checkout.CheckoutLinks(new Gateway.Checkout.CheckoutTokens(Options.Create(new Gateway.Checkout.CheckoutOptions()), Time), options),
            new Gateway.Checkout.CheckoutChoices(Snapshots, Picker));
    }

    public IConfigurationRoot Configuration { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public ILoggerFactory Loggers { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));

    public PluginCatalog Catalog { get; }

    public GatewaySnapshotProvider Snapshots { get; }

    public InstanceHealth Health { get; }

    public RouteInstancePicker Picker { get; }

    public SqlPaymentStore Store { get; }

    public PaymentCreator Creator { get; }

    public void Dispose()
    {
        Snapshots.Dispose();
        Loggers.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    private sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
