using Gateway.Tests.Common;
using Microsoft.Extensions.Logging;

namespace Gateway.Configuration.Tests;

public class GatewaySnapshotReloadTests
{
    private static Dictionary<string, string?> Settings() => new()
    {
        ["Gateway:Clients:shop:ApiKeySha256"] = new string('a', 64),
        ["Gateway:Routes:qr:Channel"] = "fake.qr",
        ["Gateway:Routes:qr:Instances:0"] = "acct-a",
        ["Gateway:Providers:acct-a:Plugin"] = "Fake",
        ["Gateway:Providers:acct-a:Settings:MerchantId"] = "m-a",
        ["Gateway:Providers:acct-b:Plugin"] = "Fake",
        ["Gateway:Providers:acct-b:Settings:MerchantId"] = "m-b",
    };

    [Fact]
    public void ValidChange_TakesEffect_OnTheReloadToken_AndFiresTheChangeToken()
    {
        using var gateway = new GatewayHarness(Settings(), new FakePlugin().Load());
        var changed = gateway.Snapshots.GetChangeToken();

        gateway.Configuration["Gateway:Routes:qr:Instances:0"] = "acct-b";
        gateway.Configuration["Gateway:Routes:qr:Policy"] = "RoundRobin";
        gateway.Configuration.Reload();

        var route = gateway.Snapshots.Latest.Routes.Routes.Single();
        Assert.Equal("acct-b", route.Instances.Single().Name);
        Assert.Equal("RoundRobin", route.Policy.Name);
        Assert.True(changed.HasChanged);
    }

    [Fact]
    public void InvalidChange_KeepsTheLastGoodSnapshot_AndLogsEveryError()
    {
        using var gateway = new GatewayHarness(Settings(), new FakePlugin().Load());
        var good = gateway.Snapshots.Latest;

        gateway.Configuration["Gateway:Routes:qr:Policy"] = "Random";
        gateway.Configuration["Gateway:Clients:shop:ApiKeySha256"] = "not-a-hash";
        gateway.Configuration["Gateway:Providers:acct-a:Settings:MerchantId"] = "";
        gateway.Configuration.Reload();

        Assert.Same(good, gateway.Snapshots.Latest);
        var errors = gateway.Logs.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Message).ToList();
        Assert.Contains(errors, e => e.Contains("Gateway:Routes:qr:Policy:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Gateway:Clients:shop:ApiKeySha256:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Gateway:Providers:acct-a:Settings: MerchantId is required.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("3 errors", StringComparison.Ordinal));
    }

    [Fact]
    public void PluginSwap_AfterARefusedReload_BuildsFromTheLastGoodConfiguration()
    {
        using var gateway = new GatewayHarness(Settings(), new FakePlugin().Load());
        gateway.Configuration["Gateway:Providers:acct-a:Settings:MerchantId"] = "";
        gateway.Configuration.Reload();

        var errors = new List<string>();
        var applied = gateway.Snapshots.TryApplyPlugins(gateway.Catalog.Snapshot.With(new FakePlugin().Load()), errors);

        Assert.True(applied, string.Join(" | ", errors));
        Assert.Equal("m-a", gateway.Snapshots.Latest.Instances["acct-a"].Instance.Account.MerchantId);
    }
}
