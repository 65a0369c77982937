using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.FunctionalTests.Plugins;

/// <summary>
/// Plugins dropped into, replaced in and refused by a running gateway, while it serves steady create
/// traffic on <c>wechat.native</c> (and on <c>demo.qr</c> once DemoPay serves it).
/// </summary>
public class PluginDropInTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DroppedInPlugin_ServesItsChannelRoutesAndNotifies_WithinSeconds_WithoutFailingOtherRequests()
    {
        using var gateway = new DropInGatewayFactory();
        using var api = gateway.ApiClient();

        // Configured before its plugin exists: inactive, not a start-up failure.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsJsonAsync("/v1/payments", DemoPayment())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/p/demo/about")).StatusCode);

        await using var load = new CreateLoad(gateway.ApiClient(), "wechat.native");
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        gateway.DropIn(DropInGatewayFactory.SamplePlugin("DemoPay"), "DemoPay");
        var created = await CreateDemoPaymentAsync(api);
        output.WriteLine($"demo.qr served {clock.ElapsedMilliseconds} ms after the folder was renamed into place (settle 300 ms)");

        Assert.StartsWith("DemoPay 1.0.0", await api.GetStringAsync("/p/demo/about"));
        Assert.Equal(HttpStatusCode.InternalServerError, (await PostNotifyAsync(api, created, "bad-secret-0123456789")).StatusCode);
        var notify = await PostNotifyAsync(api, created, DropInGatewayFactory.DemoSecret);
        Assert.Equal("OK", await notify.Content.ReadAsStringAsync());
        await ApiCalls.WaitForStatusAsync(api, created, "succeeded");

        await load.StopAsync();
        Assert.True(load.Failures.IsEmpty, string.Join(Environment.NewLine, load.Failures.Take(5)));
        Assert.True(load.Succeeded > 0);
        output.WriteLine($"wechat.native creates during the drop-in: {load.Succeeded}, failed: {load.Failures.Count}");
    }

    [Fact]
    public async Task ReplacingAPlugin_UnderLoad_LosesNoRequest_AndTheOldVersionIsCollected()
    {
        using var gateway = new DropInGatewayFactory(initialDemoPay: "DemoPay");
        using var api = gateway.ApiClient();
        var catalog = gateway.Services.GetRequiredService<PluginCatalog>();
        Assert.StartsWith("DemoPay 1.0.0", await api.GetStringAsync("/p/demo/about"));
        var oldContext = WeakContextOf(catalog, "DemoPay");

        await using (var native = new CreateLoad(gateway.ApiClient(), "wechat.native"))
        await using (var demo = new CreateLoad(gateway.ApiClient(), "demo.qr"))
        {
            await Task.Delay(300);
            var clock = Stopwatch.StartNew();
            gateway.DropIn(DropInGatewayFactory.SamplePlugin("DemoPay-v2"), "DemoPay");
            await WaitUntilAsync(async () => (await api.GetStringAsync("/p/demo/about")).StartsWith("DemoPay 2.0.0", StringComparison.Ordinal));
            output.WriteLine($"v2 served {clock.ElapsedMilliseconds} ms after the swap on disk");
            await Task.Delay(500);
            await native.StopAsync();
            await demo.StopAsync();

            Assert.True(native.Failures.IsEmpty && demo.Failures.IsEmpty, string.Join(Environment.NewLine, native.Failures.Concat(demo.Failures).Take(5)));
            Assert.True(demo.Succeeded > 0 && native.Succeeded > 0);
            output.WriteLine($"creates during the swap: demo.qr {demo.Succeeded}, wechat.native {native.Succeeded}; none failed");
        }

        Assert.Equal("2.0.0", catalog.Snapshot.Plugins["DemoPay"].Descriptor.Version);
        var collected = Stopwatch.StartNew();
        for (var i = 0; i < 200 && oldContext.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(50);
        }

        Assert.False(oldContext.IsAlive, "The replaced version's load context was not collected.");
        output.WriteLine($"old load context collected {collected.ElapsedMilliseconds} ms after the load stopped");
    }

    [Fact]
    public async Task CorruptDll_AndWrongContract_AreRefusedAndRecorded_WhileEverythingKeepsServing()
    {
        using var gateway = new DropInGatewayFactory(initialDemoPay: "DemoPay");
        using var api = gateway.ApiClient();
        var catalog = gateway.Services.GetRequiredService<PluginCatalog>();

        await using var native = new CreateLoad(gateway.ApiClient(), "wechat.native");
        await using var demo = new CreateLoad(gateway.ApiClient(), "demo.qr");
        var corrupt = Path.Combine(gateway.Root, "corrupt");
        Directory.CreateDirectory(corrupt);
        await File.WriteAllBytesAsync(Path.Combine(corrupt, "Corrupt.dll"), RandomNumberGenerator.GetBytes(4096));
        await File.WriteAllTextAsync(Path.Combine(corrupt, ".ready"), "");
        gateway.DropIn(corrupt, "Corrupt");
        gateway.DropIn(DropInGatewayFactory.SamplePlugin("DemoPay-contract2"), "DemoPay");

        await WaitUntilAsync(() => Task.FromResult(catalog.Snapshot.Failures.Count(f => f.Name is "Corrupt" or "DemoPay") == 2));
        await Task.Delay(300);
        await native.StopAsync();
        await demo.StopAsync();

        var wrongContract = catalog.Snapshot.Failures.Single(f => f.Name == "DemoPay");
        Assert.Contains("'DemoPay'", wrongContract.Error);
        Assert.Contains("contract 2.0", wrongContract.Error);
        Assert.Contains($"contract {Gateway.Abstractions.Plugins.ContractVersion.Text}", wrongContract.Error);
        Assert.NotNull(wrongContract.FailedAt);
        Assert.Contains("Corrupt", catalog.Snapshot.Failures.Single(f => f.Name == "Corrupt").Error);

        // The last good DemoPay keeps serving, and nothing else noticed.
        Assert.StartsWith("DemoPay 1.0.0", await api.GetStringAsync("/p/demo/about"));
        Assert.True(native.Failures.IsEmpty && demo.Failures.IsEmpty, string.Join(Environment.NewLine, native.Failures.Concat(demo.Failures).Take(5)));
        Assert.True(native.Succeeded > 0 && demo.Succeeded > 0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakContextOf(PluginCatalog catalog, string name)
    {
        AssemblyLoadContext context = catalog.Snapshot.Plugins[name].LoadContext;
        Assert.True(context.IsCollectible);
        return new WeakReference(context);
    }

    private static object DemoPayment() => new
    {
        channel = "demo.qr",
        merchantOrderId = "demo-" + Guid.NewGuid().ToString("N"),
        amount = 1,
        currency = "CNY",
        description = "Demo tea",
        clientIp = "203.0.113.10",
    };

    private static async Task<string> CreateDemoPaymentAsync(HttpClient api)
    {
        string? id = null;
        await WaitUntilAsync(async () =>
        {
            using var response = await api.PostAsJsonAsync("/v1/payments", DemoPayment());
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return false;
            }

            var json = await ApiCalls.ReadAsync(response);
            Assert.Equal("qr_code", json["action"]!["type"]!.GetValue<string>());
            id = json["id"]!.GetValue<string>();
            return true;
        });
        return id!;
    }

    private static async Task<HttpResponseMessage> PostNotifyAsync(HttpClient api, string paymentId, string secret)
    {
        var body = Encoding.UTF8.GetBytes(
            $$"""{"paymentId":"{{paymentId}}","transactionId":"t-{{paymentId}}","status":"paid","amount":1,"currency":"CNY","merchantId":"{{DropInGatewayFactory.DemoMerchant}}"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/notify/demo") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        // Signed here independently of the plugin's own code.
        request.Headers.Add("X-DemoPay-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        return await api.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < Within, "The condition did not hold in time.");
            await Task.Delay(50);
        }
    }
}
