using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Plugins;
using Gateway.Abstractions.ProductCodes;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Plugins;

/// <summary>
/// Loads one plugin folder (<c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>) into its own collectible load
/// context, sharing only the contract and framework abstractions with the host, and builds the
/// plugin's own service provider. The folder is first copied to a private shadow folder and loaded from
/// there: the runtime maps assembly files into memory, so overwriting the files of a running plugin in
/// place would corrupt it (and lock them on Windows).
/// </summary>
internal sealed class PluginFolderLoader
{
    // Types whose assemblies must unify with the host's copies; everything else the plugin ships stays private.
    private static readonly Type[] SharedTypes =
    [
        typeof(IGatewayPlugin),
        typeof(IServiceCollection),
        typeof(IServiceProvider),
        typeof(IConfiguration),
        typeof(ILogger),
        typeof(ILoggerFactory),
        typeof(IHttpClientFactory),
        typeof(IEndpointRouteBuilder),
        typeof(HttpContext),
    ];

    private readonly IServiceProvider _hostServices;

    public PluginFolderLoader(IServiceProvider hostServices, IOptions<PluginReloadOptions> options)
    {
        _hostServices = hostServices ?? throw new ArgumentNullException(nameof(hostServices));
        var configured = options.Value.ShadowCopyPath;
        ShadowRoot = string.IsNullOrEmpty(configured)
            ? Path.Combine(Path.GetTempPath(), "gateway-plugins", $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16])
            : Path.Combine(configured, Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>The folder holding this host's shadow copies.</summary>
    public string ShadowRoot { get; }

    /// <summary>Loads the plugin in <paramref name="directory"/>; throws <see cref="PluginLoadException"/> with a clear message.</summary>
    public LoadedPlugin Load(string directory)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        var assemblyPath = Path.Combine(directory, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            throw new PluginLoadException($"Plugin folder '{name}' has no {name}.dll.");
        }

        var (shadow, fingerprint) = CopyToShadow(directory, name);
        PluginLoader? loader = null;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(Path.Combine(shadow, name + ".dll"), isUnloadable: true, sharedTypes: SharedTypes);
            var entryPoint = CreateEntryPoint(name, loader);
            CheckContractVersion(name, entryPoint.Descriptor);
            return new LoadedPlugin(directory, loader, entryPoint, BuildServices(entryPoint)) { LoadedFrom = shadow, Fingerprint = fingerprint };
        }
        catch (Exception ex)
        {
            loader?.Dispose();
            ShadowFolder.TryDelete(shadow);
            var failure = ex as PluginLoadException ?? new PluginLoadException($"Plugin '{name}' failed to load: {ex.GetType().Name}: {ex.Message}", ex);
            failure.Fingerprint = fingerprint;
            throw failure;
        }
    }

    private (string Shadow, string Fingerprint) CopyToShadow(string directory, string name)
    {
        try
        {
            var fingerprint = PluginFolderFingerprint.Compute(directory);
            var shadow = Path.Combine(ShadowRoot, name, $"{fingerprint}-{Guid.NewGuid():N}"[..25]);
            ShadowFolder.Copy(directory, shadow);
            if (PluginFolderFingerprint.Compute(directory) != fingerprint)
            {
                ShadowFolder.TryDelete(shadow);
                throw new PluginLoadException($"Plugin folder '{name}' changed while it was being loaded; it will be retried once it settles.");
            }

            return (shadow, fingerprint);
        }
        catch (IOException ex)
        {
            throw new PluginLoadException($"Plugin folder '{name}' could not be read: {ex.Message}", ex);
        }
    }

    private static IGatewayPlugin CreateEntryPoint(string name, PluginLoader loader)
    {
        var types = loader.LoadDefaultAssembly().GetTypes()
            .Where(t => typeof(IGatewayPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToList();
        if (types.Count != 1)
        {
            throw new PluginLoadException(
                $"Plugin '{name}' must contain exactly one IGatewayPlugin implementation (found {types.Count}); " +
                $"a plugin built against another contract assembly shows none.");
        }

        return (IGatewayPlugin)Activator.CreateInstance(types[0])!;
    }

    private static void CheckContractVersion(string name, PluginDescriptor descriptor)
    {
        if (!Version.TryParse(descriptor.ContractVersion, out var version) || version.Major != ContractVersion.Major || version.Minor > ContractVersion.Minor)
        {
            throw new PluginLoadException(
                $"Plugin '{name}' was built against contract {descriptor.ContractVersion}; this host offers contract {ContractVersion.Text}.");
        }

        if (!string.Equals(descriptor.Name, name, StringComparison.Ordinal))
        {
            throw new PluginLoadException($"Plugin folder '{name}' holds a plugin named '{descriptor.Name}'; the folder and the plugin name must match.");
        }
    }

    private ServiceProvider BuildServices(IGatewayPlugin entryPoint)
    {
        var services = new ServiceCollection();

        // The host services the contract offers, forwarded (not re-created) so caches and pools are shared.
        services.AddSingleton(_hostServices.GetRequiredService<ILoggerFactory>());
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddSingleton(_hostServices.GetRequiredService<IHttpClientFactory>());
        services.AddSingleton(_hostServices.GetRequiredService<IGatewayCache>());
        services.AddSingleton(_hostServices.GetRequiredService<IPaymentDirectory>());
        services.AddSingleton(_hostServices.GetRequiredService<TimeProvider>());

        // Forwarded lazily: the host's implementation depends on the snapshot this loader is helping to build.
        services.AddSingleton(_ => _hostServices.GetRequiredService<IProductCodePayments>());

        entryPoint.ConfigureServices(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

/// <summary>A plugin that cannot be loaded; the message names the plugin and the reason.</summary>
internal sealed class PluginLoadException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>
    /// The fingerprint of the refused files; null when the folder is worth retrying as it is (it was
    /// still changing, or could not be read).
    /// </summary>
    public string? Fingerprint { get; set; }
}
