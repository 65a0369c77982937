using System.Collections.Frozen;
using Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Plugins;

/// <summary>
/// The plugins the host has loaded, as an immutable snapshot that is replaced as a whole (the way YARP
/// swaps its config), so a request always sees one consistent set.
/// </summary>
internal sealed partial class PluginCatalog : IAsyncDisposable
{
    private readonly PluginFolderLoader _loader;
    private readonly ILogger<PluginCatalog> _logger;
    private PluginSnapshot _snapshot = PluginSnapshot.Empty;

    public PluginCatalog(PluginFolderLoader loader, IOptions<GatewayOptions> options, ILogger<PluginCatalog> logger)
    {
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var path = options.Value.PluginsPath;
        PluginsDirectory = Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
    }

    /// <summary>The directory the plugins are loaded from.</summary>
    public string PluginsDirectory { get; }

    /// <summary>The current snapshot.</summary>
    public PluginSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Loads every plugin folder. A folder that fails is recorded and skipped; it never stops the host.</summary>
    public void LoadAll()
    {
        var loaded = new Dictionary<string, LoadedPlugin>(StringComparer.Ordinal);
        var failures = new List<PluginLoadFailure>();
        var folders = Directory.Exists(PluginsDirectory) ? Directory.GetDirectories(PluginsDirectory).Order(StringComparer.Ordinal).ToArray() : [];
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            try
            {
                var plugin = _loader.Load(folder);
                loaded.Add(name, plugin);
                Log.PluginLoaded(_logger, name, plugin.Descriptor.Version, string.Join(",", plugin.Descriptor.Channels));
            }
            catch (PluginLoadException ex)
            {
                failures.Add(new PluginLoadFailure(name, folder, ex.Message));
                Log.PluginFailed(_logger, name, ex.Message);
            }
        }

        Interlocked.Exchange(ref _snapshot, new PluginSnapshot(loaded.ToFrozenDictionary(StringComparer.Ordinal), failures));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var plugin in Snapshot.Plugins.Values)
        {
            await plugin.DisposeAsync();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Loaded plugin {Plugin} {Version} serving {Channels}")]
        public static partial void PluginLoaded(ILogger logger, string plugin, string version, string channels);

        [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Plugin {Plugin} was not loaded: {Error}")]
        public static partial void PluginFailed(ILogger logger, string plugin, string error);
    }
}

/// <summary>An immutable set of loaded plugins and the folders that failed.</summary>
internal sealed record PluginSnapshot(FrozenDictionary<string, LoadedPlugin> Plugins, IReadOnlyList<PluginLoadFailure> Failures)
{
    public static PluginSnapshot Empty { get; } = new(FrozenDictionary<string, LoadedPlugin>.Empty, []);
}
