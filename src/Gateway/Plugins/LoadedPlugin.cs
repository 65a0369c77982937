using System.Runtime.Loader;
using Gateway.Abstractions.Plugins;
using McMaster.NETCore.Plugins;

namespace Gateway.Plugins;

/// <summary>
/// One loaded version of a plugin: its entry point, its own load context and its own service provider.
/// Immutable; a new version of the plugin is a new <see cref="LoadedPlugin"/>.
/// </summary>
/// <remarks>
/// Requests lease the plugin while they use it (<see cref="TryAcquire"/>); the catalog holds one lease of
/// its own, given up by <see cref="RetireAsync"/> when the plugin is replaced or removed. The plugin is
/// disposed (its service provider, then its load context unloaded) only when the last lease is released,
/// so requests already running finish on the old version.
/// </remarks>
internal sealed class LoadedPlugin : IAsyncDisposable
{
    private readonly PluginLoader? _loader;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _leases = 1;
    private int _retired;

    /// <param name="directory">The plugin folder ops dropped in.</param>
    /// <param name="loader">The plugin's loader; null only for plugins created in-process (tests).</param>
    /// <param name="entryPoint">The plugin's <see cref="IGatewayPlugin"/>.</param>
    /// <param name="services">The plugin's own service provider.</param>
    public LoadedPlugin(string directory, PluginLoader? loader, IGatewayPlugin entryPoint, ServiceProvider services)
    {
        Directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _loader = loader;
        EntryPoint = entryPoint ?? throw new ArgumentNullException(nameof(entryPoint));
        Services = services ?? throw new ArgumentNullException(nameof(services));
    }

    /// <summary>The folder the plugin was dropped in (under the plugins directory).</summary>
    public string Directory { get; }

    /// <summary>The private copy the assemblies were loaded from, so ops can overwrite <see cref="Directory"/> safely.</summary>
    public string LoadedFrom { get; init; } = "";

    /// <summary>The folder's <see cref="PluginFolderFingerprint"/> when it was loaded.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>The plugin's entry point.</summary>
    public IGatewayPlugin EntryPoint { get; }

    /// <summary>The plugin's own service provider (its registrations plus the host services the contract offers).</summary>
    public ServiceProvider Services { get; }

    /// <summary>Name, version and channels.</summary>
    public PluginDescriptor Descriptor => EntryPoint.Descriptor;

    /// <summary>The plugin's load context.</summary>
    public AssemblyLoadContext LoadContext => _loader?.LoadContext ?? AssemblyLoadContext.GetLoadContext(EntryPoint.GetType().Assembly)!;

    /// <summary>Takes a lease; false once the plugin has been retired and drained.</summary>
    public bool TryAcquire()
    {
        var leases = Volatile.Read(ref _leases);
        while (leases > 0)
        {
            var seen = Interlocked.CompareExchange(ref _leases, leases + 1, leases);
            if (seen == leases)
            {
                return true;
            }

            leases = seen;
        }

        return false;
    }

    /// <summary>Returns a lease taken with <see cref="TryAcquire"/>.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>
    /// Gives up the catalog's lease and completes once every request using the plugin has finished; the
    /// caller then disposes it. Idempotent.
    /// </summary>
    public Task RetireAsync()
    {
        if (Interlocked.Exchange(ref _retired, 1) == 0)
        {
            Release();
        }

        return _drained.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _loader?.Dispose();
        ShadowFolder.TryDelete(LoadedFrom);
    }
}
