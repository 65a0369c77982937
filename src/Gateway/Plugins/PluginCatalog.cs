using System.Collections.Frozen;
using Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Plugins;

/// <summary>
/// The plugins the host has loaded, as an immutable snapshot that is replaced as a whole (the way YARP
/// swaps its config), so a request always sees one consistent set. Versions that leave the snapshot are
/// retired: disposed and unloaded once the requests using them have finished.
/// </summary>
internal sealed partial class PluginCatalog : IAsyncDisposable
{
    private readonly PluginFolderLoader _loader;
    private readonly TimeProvider _time;
    private readonly ILogger<PluginCatalog> _logger;
    private PluginSnapshot _snapshot = PluginSnapshot.Empty;

    public PluginCatalog(PluginFolderLoader loader, IOptions<GatewayOptions> options, TimeProvider time, ILogger<PluginCatalog> logger)
    {
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var path = options.Value.PluginsPath;
        PluginsDirectory = Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
    }

    /// <summary>The directory the plugins are loaded from.</summary>
    public string PluginsDirectory { get; }

    /// <summary>The current snapshot.</summary>
    public PluginSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Loads every plugin folder at start-up. A folder that fails is recorded and skipped; it never stops the host.</summary>
    public void LoadAll()
    {
        Publish(PluginSnapshot.Empty);
        var folders = Directory.Exists(PluginsDirectory) ? Directory.GetDirectories(PluginsDirectory).Order(StringComparer.Ordinal).ToArray() : [];
        foreach (var folder in folders.Where(f => !PluginFolderScanner.IsIgnored(Path.GetFileName(f))))
        {
            if (Load(folder) is { } plugin)
            {
                Publish(Snapshot.With(plugin));
            }
        }
    }

    /// <summary>
    /// Loads one folder; on failure records it in the snapshot's failures (replacing an older failure of
    /// the same folder) and returns null. The snapshot's plugins are not changed either way.
    /// </summary>
    public LoadedPlugin? Load(string folder)
    {
        var name = Path.GetFileName(folder);
        try
        {
            var plugin = _loader.Load(folder);
            Log.PluginLoaded(_logger, name, plugin.Descriptor.Version, string.Join(",", plugin.Descriptor.Channels));
            return plugin;
        }
        catch (PluginLoadException ex)
        {
            RecordFailure(name, folder, ex.Message, ex.Fingerprint);
            return null;
        }
    }

    /// <summary>Records that <paramref name="name"/> was refused; its last good version (if any) keeps serving.</summary>
    public void RecordFailure(string name, string folder, string error, string? fingerprint, bool refusedByConfiguration = false)
    {
        Log.PluginFailed(_logger, name, error);
        var current = Snapshot;
        var failure = new PluginLoadFailure(name, folder, error)
        {
            FailedAt = _time.GetUtcNow(),
            Fingerprint = fingerprint,
            RefusedByConfiguration = refusedByConfiguration,
        };
        Publish(current with { Failures = [.. current.Failures.Where(f => f.Name != name), failure] });
    }

    /// <summary>Forgets plugins refused by the previous configuration, so the watcher tries them again under the new one.</summary>
    public void ForgetConfigurationRefusals()
    {
        var current = Snapshot;
        if (current.Failures.Any(f => f.RefusedByConfiguration))
        {
            Publish(current with { Failures = [.. current.Failures.Where(f => !f.RefusedByConfiguration)] });
        }
    }

    /// <summary>Replaces the snapshot. Callers swap the gateway snapshot built from it at the same time.</summary>
    public void Publish(PluginSnapshot snapshot) => Interlocked.Exchange(ref _snapshot, snapshot);

    /// <summary>Disposes and unloads <paramref name="plugin"/> once the requests using it have finished.</summary>
    public void Retire(LoadedPlugin plugin)
    {
        var name = plugin.Descriptor.Name;
        var version = plugin.Descriptor.Version;
        _ = RetireAsync(plugin, name, version);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var plugin in Snapshot.Plugins.Values)
        {
            await plugin.DisposeAsync();
        }

        ShadowFolder.TryDelete(_loader.ShadowRoot);
    }

    private async Task RetireAsync(LoadedPlugin plugin, string name, string version)
    {
        try
        {
            await plugin.RetireAsync();
            await plugin.DisposeAsync();
            Log.PluginUnloaded(_logger, name, version);
        }
        catch (Exception ex)
        {
            Log.UnloadFailed(_logger, name, version, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Loaded plugin {Plugin} {Version} serving {Channels}")]
        public static partial void PluginLoaded(ILogger logger, string plugin, string version, string channels);

        [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Plugin {Plugin} was not loaded: {Error}")]
        public static partial void PluginFailed(ILogger logger, string plugin, string error);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Plugin {Plugin} {Version} drained and unloaded")]
        public static partial void PluginUnloaded(ILogger logger, string plugin, string version);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Plugin {Plugin} {Version} failed while unloading")]
        public static partial void UnloadFailed(ILogger logger, string plugin, string version, Exception exception);
    }
}

/// <summary>An immutable set of loaded plugins and the folders that failed.</summary>
internal sealed record PluginSnapshot(FrozenDictionary<string, LoadedPlugin> Plugins, IReadOnlyList<PluginLoadFailure> Failures)
{
    public static PluginSnapshot Empty { get; } = new(FrozenDictionary<string, LoadedPlugin>.Empty, []);

    /// <summary>This snapshot with <paramref name="plugin"/> added or replacing its older version, and its failure cleared.</summary>
    public PluginSnapshot With(LoadedPlugin plugin) => new(
        Plugins.Where(p => p.Key != plugin.Descriptor.Name).Append(KeyValuePair.Create(plugin.Descriptor.Name, plugin)).ToFrozenDictionary(StringComparer.Ordinal),
        [.. Failures.Where(f => f.Name != plugin.Descriptor.Name)]);

    /// <summary>This snapshot without the plugin (and failure) named <paramref name="name"/>.</summary>
    public PluginSnapshot Without(string name) => new(
        Plugins.Where(p => p.Key != name).ToFrozenDictionary(StringComparer.Ordinal),
        [.. Failures.Where(f => f.Name != name)]);
}
