using Gateway.Plugins;
using Microsoft.Extensions.Primitives;

namespace Gateway.Configuration;

/// <summary>
/// Holds the current <see cref="GatewaySnapshot"/>, YARP-style: the first load blocks start-up and throws
/// with every problem; a configuration reload (the <see cref="IConfiguration"/> reload token) or a plugin
/// swap builds a new snapshot and swaps it in atomically, or, when the new one is invalid, logs every
/// error and keeps the last good one. Each swap fires <see cref="GetChangeToken"/>.
/// </summary>
internal sealed partial class GatewaySnapshotProvider : IDisposable
{
    private readonly IConfiguration _configuration;
    private readonly PluginCatalog _plugins;
    private readonly GatewaySnapshotBuilder _builder;
    private readonly ILogger<GatewaySnapshotProvider> _logger;
    private readonly Lock _swap = new();
    private readonly AsyncLocal<GatewaySnapshotPin?> _pin = new();
    private GatewaySnapshot _latest = GatewaySnapshot.Empty;
    private GatewayConfig? _lastGoodConfig;
    private CancellationTokenSource _changed = new();
    private IDisposable? _reloadSubscription;

    public GatewaySnapshotProvider(IConfiguration configuration, PluginCatalog plugins, GatewaySnapshotBuilder builder, ILogger<GatewaySnapshotProvider> logger)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _plugins = plugins ?? throw new ArgumentNullException(nameof(plugins));
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// The snapshot requests are served from: inside a request, the one pinned when it started (so one
    /// request sees one consistent set of instances, and their plugins stay loaded until it ends);
    /// elsewhere, <see cref="Latest"/>.
    /// </summary>
    public GatewaySnapshot Current => _pin.Value?.Snapshot ?? Latest;

    /// <summary>The newest snapshot.</summary>
    public GatewaySnapshot Latest => Volatile.Read(ref _latest);

    /// <summary>
    /// Raised with the next snapshot just BEFORE it becomes <see cref="Latest"/>, so dependent state (plugin
    /// routes) is ready the moment the snapshot's channels become routable.
    /// </summary>
    public event Action<GatewaySnapshot>? Publishing;

    /// <summary>Fires when <see cref="Latest"/> is replaced.</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>Loads plugins and configuration; throws <see cref="GatewayConfigurationException"/> listing every problem.</summary>
    public void InitialLoad()
    {
        _plugins.LoadAll();
        LoadConfiguration();
    }

    /// <summary>
    /// The configuration half of <see cref="InitialLoad"/>, with the plugins already in the catalog; then
    /// follows configuration reloads.
    /// </summary>
    public void LoadConfiguration()
    {
        lock (_swap)
        {
            var config = ReadConfig();
            var errors = new List<string>();
            var snapshot = _builder.Build(config, _plugins.Snapshot, errors) ?? throw new GatewayConfigurationException(errors);
            Swap(snapshot, config);
        }

        _reloadSubscription ??= ChangeToken.OnChange(_configuration.GetReloadToken, () => ReloadConfiguration());
    }

    /// <summary>Rebuilds from the configuration as it is now; false (every error logged) when it is invalid and the last good snapshot stays.</summary>
    public bool ReloadConfiguration()
    {
        try
        {
            lock (_swap)
            {
                var config = ReadConfig();
                var errors = new List<string>();
                if (_builder.Build(config, _plugins.Snapshot, errors) is not { } snapshot)
                {
                    Log.ReloadRefused(_logger, errors.Count);
                    foreach (var error in errors)
                    {
                        Log.ConfigurationError(_logger, error);
                    }

                    return false;
                }

                Swap(snapshot, config);
            }

            Log.Reloaded(_logger);
            _plugins.ForgetConfigurationRefusals();
            return true;
        }
        catch (Exception ex)
        {
            // A throwing callback would end the reload subscription; keep serving the last good snapshot.
            Log.ReloadFailed(_logger, ex);
            return false;
        }
    }

    /// <summary>
    /// Checks <paramref name="plugins"/> against the last good configuration (every instance of a new
    /// version is validated and created) and, when valid, publishes it and swaps the gateway snapshot.
    /// </summary>
    public bool TryApplyPlugins(PluginSnapshot plugins, List<string> errors)
    {
        lock (_swap)
        {
            var config = _lastGoodConfig ?? ReadConfig();
            if (_builder.Build(config, plugins, errors) is not { } snapshot)
            {
                return false;
            }

            _plugins.Publish(plugins);
            Swap(snapshot, config);
            return true;
        }
    }

    /// <summary>
    /// Pins <see cref="Latest"/> as <see cref="Current"/> for the calling flow and leases its plugins until
    /// the pin is disposed. The request middleware does this for every request; background work that
    /// calls plugins should do the same.
    /// </summary>
    public GatewaySnapshotPin Pin()
    {
        while (true)
        {
            var snapshot = Latest;
            if (GatewaySnapshotPin.TryCreate(snapshot) is { } pin)
            {
                _pin.Value = pin;
                return pin;
            }

            // A plugin of that snapshot drained between reading and leasing, so a newer snapshot is already published.
        }
    }

    public void Dispose() => _reloadSubscription?.Dispose();

    private GatewayConfig ReadConfig() => GatewayConfig.Read(_configuration.GetSection(GatewayOptions.SectionName));

    private void Swap(GatewaySnapshot snapshot, GatewayConfig config)
    {
        _lastGoodConfig = config;
        Publishing?.Invoke(snapshot);
        Interlocked.Exchange(ref _latest, snapshot);
        foreach (var inactive in snapshot.Inactive)
        {
            Log.Inactive(_logger, inactive);
        }

        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 120, Level = LogLevel.Error, Message = "The reloaded gateway configuration is invalid ({Count} errors); the last good configuration keeps serving")]
        public static partial void ReloadRefused(ILogger logger, int count);

        [LoggerMessage(EventId = 121, Level = LogLevel.Error, Message = "Configuration error: {Error}")]
        public static partial void ConfigurationError(ILogger logger, string error);

        [LoggerMessage(EventId = 122, Level = LogLevel.Information, Message = "Gateway configuration reloaded")]
        public static partial void Reloaded(ILogger logger);

        [LoggerMessage(EventId = 123, Level = LogLevel.Error, Message = "Gateway configuration reload failed; the last good configuration keeps serving")]
        public static partial void ReloadFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 124, Level = LogLevel.Error, Message = "Inactive: {Reason}")]
        public static partial void Inactive(ILogger logger, string reason);
    }
}
