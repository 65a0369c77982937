using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// A gateway like <see cref="GatewayFactory"/>, but with a plugins directory of its own (a copy of the
/// real plugin folders) that tests drop plugin folders into while it runs, a short settle time, and a
/// <c>demo</c> instance + <c>demo-qr</c> route configured for the DemoPay sample before its plugin exists.
/// </summary>
public sealed class DropInGatewayFactory : WebApplicationFactory<Program>
{
    public const string DemoSecret = "demo-secret-0123456789abcdef";
    public const string DemoMerchant = "demo-merchant-1";

    public DropInGatewayFactory(string? initialDemoPay = null)
    {
        Root = Path.Combine(Path.GetTempPath(), $"gateway-dropin-{Guid.NewGuid():N}");
        PluginsDirectory = Path.Combine(Root, "plugins");
        ShadowDirectory = Path.Combine(Root, "shadow");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "plugins"), PluginsDirectory);
        if (initialDemoPay is not null)
        {
            CopyFolder(SamplePlugin(initialDemoPay), Path.Combine(PluginsDirectory, "DemoPay"));
        }

        Port = Gateway.TestMode.LoopbackPort.Free();
        DatabasePath = Path.Combine(Root, "gateway.db");
        UseKestrel(Port);
        StartServer();
    }

    public string Root { get; }

    public string PluginsDirectory { get; }

    public string ShadowDirectory { get; }

    public int Port { get; }

    public string DatabasePath { get; }

    /// <summary>The published sample plugin folder of a variant built by this project (<c>DemoPay</c>, <c>DemoPay-v2</c>, <c>DemoPay-contract2</c>).</summary>
    public static string SamplePlugin(string variant) => Path.Combine(AppContext.BaseDirectory, "samples-out", variant, "DemoPay");

    /// <summary>
    /// Drops a plugin folder in the way the README tells ops to: copy it under a dot-name (ignored by the
    /// watcher), then rename it into place; a folder already there is renamed away first and deleted.
    /// </summary>
    public void DropIn(string source, string name)
    {
        var incoming = Path.Combine(PluginsDirectory, $".{name}.incoming-{Guid.NewGuid():N}");
        CopyFolder(source, incoming);
        var target = Path.Combine(PluginsDirectory, name);
        string? old = null;
        if (Directory.Exists(target))
        {
            old = Path.Combine(PluginsDirectory, $".{name}.old-{Guid.NewGuid():N}");
            Directory.Move(target, old);
        }

        Directory.Move(incoming, target);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    public HttpClient ApiClient(string? apiKey = GatewayFactory.ClientAKey)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = GatewayFactory.Settings(Port, DatabasePath);
        settings["Gateway:PluginsPath"] = PluginsDirectory;
        settings["Gateway:Plugins:SettleMilliseconds"] = "300";
        // The load tests create far faster than a real client may: lift the per-client rate limit.
        settings["Gateway:RateLimits:Default:PermitsPerSecond"] = "100000";
        settings["Gateway:RateLimits:Default:Burst"] = "100000";
        settings["Gateway:Plugins:RescanSeconds"] = "1";
        settings["Gateway:Plugins:ShadowCopyPath"] = ShadowDirectory;
        settings["Gateway:Routes:demo-qr:Channel"] = "demo.qr";
        settings["Gateway:Routes:demo-qr:Instances:0"] = "demo";
        settings["Gateway:Providers:demo:Plugin"] = "DemoPay";
        settings["Gateway:Providers:demo:Settings:MerchantId"] = DemoMerchant;
        settings["Gateway:Providers:demo:Settings:Secret"] = DemoSecret;
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

}
