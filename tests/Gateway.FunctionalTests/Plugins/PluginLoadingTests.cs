using System.Runtime.Loader;
using System.Xml.Linq;
using Gateway.Configuration;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests.Plugins;

public class PluginLoadingTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public void WeChatNative_IsLoadedFromThePluginsFolder_InItsOwnLoadContext()
    {
        var catalog = gateway.Services.GetRequiredService<PluginCatalog>();
        var plugin = catalog.Snapshot.Plugins["WeChatNative"];
        var assembly = plugin.EntryPoint.GetType().Assembly;

        // Loaded from a private shadow copy of plugins/WeChatNative/, so ops can overwrite the folder while it runs.
        Assert.Equal(Path.Combine(catalog.PluginsDirectory, "WeChatNative"), plugin.Directory);
        var expectedFolder = plugin.LoadedFrom;
        Assert.Equal(Path.Combine(expectedFolder, "WeChatNative.dll"), assembly.Location);
        Assert.Equal(
            Directory.GetFiles(plugin.Directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(),
            Directory.GetFiles(expectedFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order());
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(assembly));
        Assert.True(AssemblyLoadContext.GetLoadContext(assembly)!.IsCollectible);

        // Its private dependency comes from its own folder too; the contract is the host's one copy.
        var privateDependency = AssemblyLoadContext.GetLoadContext(assembly)!.Assemblies.Single(a => a.GetName().Name == "Gateway.WeChatPay");
        Assert.StartsWith(expectedFolder, privateDependency.Location);
        Assert.Same(typeof(Abstractions.Plugins.IGatewayPlugin).Assembly, plugin.EntryPoint.GetType().GetInterfaces().Single(i => i.Name == "IGatewayPlugin").Assembly);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "WeChatNative" && AssemblyLoadContext.GetLoadContext(a) == AssemblyLoadContext.Default);
    }

    [Fact]
    public void EachInstance_RunsOnItsPluginsOwnServiceProvider()
    {
        var snapshot = gateway.Services.GetRequiredService<GatewaySnapshotProvider>().Current;

        Assert.Same(snapshot.Instances["wx-a"].Plugin.Services, snapshot.Instances["wx-b"].Plugin.Services);
        Assert.NotSame(gateway.Services, snapshot.Instances["wx-a"].Plugin.Services);
    }

    [Fact]
    public void GatewayProject_HasNoProjectReferenceToAnyPlugin()
    {
        var root = RepositoryRoot();
        var references = XDocument.Load(Path.Combine(root, "src", "Gateway", "Gateway.csproj"))
            .Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value.Replace('\\', '/')).ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => r.Contains("plugins/", StringComparison.OrdinalIgnoreCase));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Gateway.sln not found above the test folder.");
    }
}
