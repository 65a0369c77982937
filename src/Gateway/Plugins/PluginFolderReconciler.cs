using Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Plugins;

/// <summary>
/// Brings the loaded plugins in line with the plugins directory: a new folder is loaded, a changed one
/// is loaded beside the running version, checked against the configuration, then swapped in; a removed
/// one is dropped. The old version is retired (unloaded once drained). A change is applied only once the
/// folder is complete: it holds <c>&lt;Name&gt;.dll</c> and either a <c>.ready</c> marker or has not
/// changed for <see cref="PluginReloadOptions.SettleMilliseconds"/>. A refused version is recorded and the
/// last good one keeps serving.
/// </summary>
internal sealed partial class PluginFolderReconciler
{
    private const string Absent = "<absent>";

    private readonly PluginCatalog _catalog;
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<PluginReloadOptions> _options;
    private readonly ILogger<PluginFolderReconciler> _logger;
    private readonly Dictionary<string, (string Fingerprint, DateTimeOffset Since)> _observed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public PluginFolderReconciler(
        PluginCatalog catalog, GatewaySnapshotProvider snapshots, TimeProvider time, IOptionsMonitor<PluginReloadOptions> options, ILogger<PluginFolderReconciler> logger)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Scans once and applies every settled change; true when a change is still settling (scan again after the settle time).</summary>
    public bool Reconcile()
    {
        lock (_gate)
        {
            var folders = PluginFolderScanner.Scan(_catalog.PluginsDirectory);
            var snapshot = _catalog.Snapshot;
            var names = folders.Keys.Union(snapshot.Plugins.Keys).Union(snapshot.Failures.Select(f => f.Name)).Order(StringComparer.Ordinal).ToList();
            var settling = false;
            foreach (var name in names)
            {
                settling |= ReconcileOne(name, folders.GetValueOrDefault(name));
            }

            return settling;
        }
    }

    private bool ReconcileOne(string name, PluginFolderState? folder)
    {
        var snapshot = _catalog.Snapshot;
        snapshot.Plugins.TryGetValue(name, out var loaded);
        var failure = snapshot.Failures.FirstOrDefault(f => f.Name == name);
        if (folder is { Fingerprint: null })
        {
            return true;
        }

        if (folder is { HasAssembly: false })
        {
            // Not a plugin (yet): a copy that has not reached the main assembly. The running version, if any, stays.
            _observed.Remove(name);
            return false;
        }

        var fingerprint = folder?.Fingerprint ?? Absent;
        if (loaded?.Fingerprint == fingerprint || (folder is not null && failure?.Fingerprint == fingerprint) || (folder is null && loaded is null && failure is null))
        {
            _observed.Remove(name);
            return false;
        }

        if (!Settled(name, fingerprint, folder?.HasReadyMarker == true))
        {
            return true;
        }

        _observed.Remove(name);
        if (folder is null)
        {
            Remove(name, loaded);
        }
        else
        {
            Apply(folder, loaded);
        }

        return false;
    }

    private bool Settled(string name, string fingerprint, bool ready)
    {
        var settle = TimeSpan.FromMilliseconds(Math.Max(0, _options.CurrentValue.SettleMilliseconds));
        var now = _time.GetUtcNow();
        if (ready || settle == TimeSpan.Zero)
        {
            return true;
        }

        if (_observed.TryGetValue(name, out var seen) && seen.Fingerprint == fingerprint)
        {
            return now - seen.Since >= settle;
        }

        _observed[name] = (fingerprint, now);
        return false;
    }

    private void Remove(string name, LoadedPlugin? loaded)
    {
        var errors = new List<string>();
        if (!_snapshots.TryApplyPlugins(_catalog.Snapshot.Without(name), errors))
        {
            // Cannot happen with a valid configuration (its instances just become inactive); keep serving if it does.
            Log.RemovalRefused(_logger, name, string.Join(" | ", errors));
            return;
        }

        if (loaded is not null)
        {
            _catalog.Retire(loaded);
            Log.Removed(_logger, name, loaded.Descriptor.Version);
        }
    }

    private void Apply(PluginFolderState folder, LoadedPlugin? running)
    {
        if (_catalog.Load(folder.Directory) is not { } candidate)
        {
            return;
        }

        var errors = new List<string>();
        if (!_snapshots.TryApplyPlugins(_catalog.Snapshot.With(candidate), errors))
        {
            _catalog.Retire(candidate);
            _catalog.RecordFailure(folder.Name, folder.Directory,
                $"Plugin '{folder.Name}' {candidate.Descriptor.Version} was refused by the configuration: {string.Join(" | ", errors)}", candidate.Fingerprint, refusedByConfiguration: true);
            return;
        }

        if (running is null)
        {
            Log.Added(_logger, folder.Name, candidate.Descriptor.Version);
            return;
        }

        _catalog.Retire(running);
        Log.Replaced(_logger, folder.Name, running.Descriptor.Version, candidate.Descriptor.Version);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Plugin {Plugin} {Version} dropped in and serving")]
        public static partial void Added(ILogger logger, string plugin, string version);

        [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Plugin {Plugin} {OldVersion} replaced by {NewVersion}; the old version drains then unloads")]
        public static partial void Replaced(ILogger logger, string plugin, string oldVersion, string newVersion);

        [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "Plugin {Plugin} {Version} removed; its instances are inactive and it unloads once drained")]
        public static partial void Removed(ILogger logger, string plugin, string version);

        [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "Plugin {Plugin} could not be removed: {Errors}")]
        public static partial void RemovalRefused(ILogger logger, string plugin, string errors);
    }
}
