using System.Runtime.Loader;
using Gateway.Abstractions.Plugins;
using McMaster.NETCore.Plugins;

namespace Gateway.Plugins;

/// <summary>
/// One loaded version of a plugin: its entry point, its own load context and its own service provider.
/// Immutable; a new version of the plugin is a new <see cref="LoadedPlugin"/>.
/// </summary>
internal sealed class LoadedPlugin : IAsyncDisposable
{
    private readonly PluginLoader? _loader;

    /// <param name="loader">The plugin's loader; null only for plugins created in-process (tests).</param>
    public LoadedPlugin(string directory, PluginLoader? loader, IGatewayPlugin entryPoint, ServiceProvider services)
    {
        Directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _loader = loader;
        EntryPoint = entryPoint ?? throw new ArgumentNullException(nameof(entryPoint));
        Services = services ?? throw new ArgumentNullException(nameof(services));
    }

    /// <summary>The folder the plugin was loaded from.</summary>
    public string Directory { get; }

    /// <summary>The plugin's entry point.</summary>
    public IGatewayPlugin EntryPoint { get; }

    /// <summary>The plugin's own service provider (its registrations plus the host services the contract offers).</summary>
    public ServiceProvider Services { get; }

    /// <summary>Name, version and channels.</summary>
    public PluginDescriptor Descriptor => EntryPoint.Descriptor;

    /// <summary>The plugin's load context.</summary>
    public AssemblyLoadContext LoadContext => _loader?.LoadContext ?? AssemblyLoadContext.GetLoadContext(EntryPoint.GetType().Assembly)!;

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _loader?.Dispose();
    }
}
