using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Gateway.Abstractions.Plugins;
using Gateway.PluginTesting.Checks;
using Gateway.PluginTesting.Hosting;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.PluginTesting;

/// <summary>
/// Loads a plugin folder the way the gateway does (its own collectible load context, sharing only the contract
/// and framework types) and checks it: one entry type, names, contract version, settings validation, hostile
/// notifies, acknowledgements, and that it unloads (no timer or thread of its own keeps it alive).
/// </summary>
public static class PluginConformance
{
    // The host's shared types (src/Gateway/Plugins/PluginFolderLoader.cs): everything else stays private to the plugin.
    private static readonly Type[] SharedTypes =
    [
        typeof(IGatewayPlugin), typeof(IServiceCollection), typeof(IServiceProvider), typeof(IConfiguration), typeof(ILogger),
        typeof(ILoggerFactory), typeof(IHttpClientFactory), typeof(IEndpointRouteBuilder), typeof(HttpContext),
    ];

    /// <summary>Runs every check on <paramref name="folder"/> (<c>&lt;Name&gt;/&lt;Name&gt;.dll</c>).</summary>
    public static async Task<PluginReport> CheckAsync(string folder, PluginCheckOptions? options = null)
    {
        options ??= new PluginCheckOptions();
        folder = Path.GetFullPath(folder);
        var results = new List<CheckResult>();
        var context = await RunLoadedAsync(folder, options, results);
        if (context is not null)
        {
            results.Add(await UnloadCheck.WaitAsync(context, options.UnloadTimeout));
        }

        return new PluginReport(folder, results);
    }

    // Not inlined, and returning only a weak reference: nothing of the plugin may stay reachable from the caller.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference?> RunLoadedAsync(string folder, PluginCheckOptions options, List<CheckResult> results)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var assemblyPath = Path.Combine(folder, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            results.Add(CheckResult.Fail("load.folder", $"'{folder}' has no {name}.dll: the folder name must be the assembly name"));
            return null;
        }

        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, sharedTypes: SharedTypes);
        WeakReference? context = null;
        try
        {
            var assembly = loader.LoadDefaultAssembly();
            context = new WeakReference(AssemblyLoadContext.GetLoadContext(assembly));
            results.Add(CheckResult.Pass("load.folder", $"{name}.dll loaded into a collectible context"));
            if (EntryPoint(assembly, results) is { } plugin)
            {
                await CheckPluginAsync(plugin, name, assembly, options, results);
            }
        }
        catch (Exception ex)
        {
            results.Add(CheckResult.Fail("load.folder", $"loading threw {ex.GetType().Name}: {ex.Message}"));
        }
        finally
        {
            loader.Dispose();
        }

        return context;
    }

    private static IGatewayPlugin? EntryPoint(Assembly assembly, List<CheckResult> results)
    {
        var types = assembly.GetTypes().Where(t => typeof(IGatewayPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
        if (types is not [var type])
        {
            results.Add(CheckResult.Fail("entry.single", $"found {types.Count} IGatewayPlugin implementations ({string.Join(", ", types.Select(t => t.FullName))}); exactly one is required (none usually means a copy of Gateway.Abstractions.dll was shipped in the folder)"));
            return null;
        }

        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            results.Add(CheckResult.Fail("entry.single", $"{type.FullName} needs a public parameterless constructor: the host creates it"));
            return null;
        }

        results.Add(CheckResult.Pass("entry.single", type.FullName!));
        return (IGatewayPlugin)Activator.CreateInstance(type)!;
    }

    private static async Task CheckPluginAsync(IGatewayPlugin plugin, string folderName, Assembly assembly, PluginCheckOptions options, List<CheckResult> results)
    {
        var descriptor = plugin.Descriptor;
        var assemblyName = assembly.GetName().Name;
        results.Add(descriptor.Name == folderName && assemblyName == folderName
            ? CheckResult.Pass("descriptor.names", $"'{descriptor.Name}' = folder = assembly")
            : CheckResult.Fail("descriptor.names", $"descriptor '{descriptor.Name}', folder '{folderName}', assembly '{assemblyName}' must be the same"));
        results.Add(ContractCheck(descriptor));
        results.Add(descriptor.Channels.Count > 0 && descriptor.Channels.All(c => c.Length > 0)
            ? CheckResult.Pass("descriptor.channels", string.Join(", ", descriptor.Channels))
            : CheckResult.Fail("descriptor.channels", "the descriptor names no channel"));

        if (options.Settings.Count == 0)
        {
            results.Add(CheckResult.Fail("settings.valid", "no settings given: pass a valid instance's settings (--set Key=Value) so the instance checks can run"));
            return;
        }

        results.AddRange(SettingsCheck.Run(plugin, options));
        await using var services = StandInHost.Services(plugin.ConfigureServices);
        IProviderInstance instance;
        try
        {
            instance = plugin.CreateInstance(new ProviderInstanceContext
            {
                InstanceName = "conformance",
                Settings = options.Configuration(),
                Services = services,
                NotifyUrl = new Uri("https://gateway.invalid/notify/conformance"),
                RefundNotifyUrl = new Uri("https://gateway.invalid/notify/conformance/refund"),
                PluginBaseUrl = new Uri("https://gateway.invalid/p/conformance/"),
                HttpClientName = "conformance",
            });
            results.Add(CheckResult.Pass("instance.create", $"account {instance.Account.MerchantId}"));
        }
        catch (Exception ex)
        {
            results.Add(CheckResult.Fail("instance.create", $"CreateInstance threw {ex.GetType().Name}: {ex.Message}"));
            return;
        }

        results.Add(await NotifyCheck.RunAsync(instance, options.NotifyTimeout));
        results.Add(AckCheck.Run(instance));
        (instance as IDisposable)?.Dispose();
    }

    private static CheckResult ContractCheck(PluginDescriptor descriptor)
        => Version.TryParse(descriptor.ContractVersion, out var version) && version.Major == ContractVersion.Major && version.Minor <= ContractVersion.Minor
            ? CheckResult.Pass("contract.version", $"built against {descriptor.ContractVersion}; the host offers {ContractVersion.Text}")
            : CheckResult.Fail("contract.version", $"built against contract {descriptor.ContractVersion}; this host offers {ContractVersion.Text} (same major, minor at most the host's)");
}
