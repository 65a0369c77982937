using System.Collections.Frozen;
using Gateway.Configuration;
using Gateway.Plugins;
using Gateway.Routing;
using Gateway.Security;
using Gateway.Tests.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Configuration.Tests;

public class GatewaySnapshotBuilderTests
{
    private static readonly string ClientHash = ApiKeyAuthenticationHandler.Hash("key-a");

    private static (GatewaySnapshot? Snapshot, List<string> Errors) Build(Dictionary<string, string?> settings, params LoadedPlugin[] plugins)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new GatewaySnapshotBuilder([new FirstRoutingPolicy(), new WeightedRoutingPolicy()], Options.Create(new GatewayOptions { PublicBaseUrl = "https://pay.example.test" }));
        var snapshot = new PluginSnapshot(plugins.ToFrozenDictionary(p => p.Descriptor.Name), [new PluginLoadFailure("Broken", "/x", "bad image")]);
        var errors = new List<string>();
        return (builder.Build(GatewayConfig.Read(config.GetSection("Gateway")), snapshot, errors), errors);
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Gateway:Clients:shop:ApiKeySha256"] = ClientHash,
        ["Gateway:Routes:qr:Channel"] = "fake.qr",
        ["Gateway:Routes:qr:Instances:0"] = "acct-a",
        ["Gateway:Routes:qr:Instances:1"] = "acct-b",
        ["Gateway:Providers:acct-a:Plugin"] = "Fake",
        ["Gateway:Providers:acct-a:Settings:MerchantId"] = "m-a",
        ["Gateway:Providers:acct-b:Plugin"] = "Fake",
        ["Gateway:Providers:acct-b:Settings:MerchantId"] = "m-b",
    };

    [Fact]
    public void Builds_TwoInstancesOfOnePlugin()
    {
        var (snapshot, errors) = Build(Valid(), new FakePlugin().Load());

        Assert.Empty(errors);
        Assert.NotNull(snapshot);
        Assert.Equal(["acct-a", "acct-b"], snapshot.Instances.Keys.Order());
        Assert.Equal("m-b", snapshot.Instances["acct-b"].Instance.Account.MerchantId);
        Assert.Equal("shop", snapshot.ClientsByKeyHash[ClientHash].Id);
    }

    [Fact]
    public void Rejects_EveryProblem_AtOnce_NamingRouteOrInstanceAndKey()
    {
        var settings = Valid();
        settings["Gateway:Clients:bad:ApiKeySha256"] = "not-a-hash";
        settings["Gateway:Routes:qr:Instances:2"] = "ghost";
        settings["Gateway:Routes:nochannel:Instances:0"] = "acct-a";
        settings["Gateway:Routes:wrongchannel:Channel"] = "other.channel";
        settings["Gateway:Routes:wrongchannel:Instances:0"] = "acct-a";
        settings["Gateway:Routes:wrongchannel:Policy"] = "Random";
        settings["Gateway:Routes:wrongchannel:MinAmount"] = "ten";
        settings["Gateway:Providers:acct-b:Settings:MerchantId"] = "";
        settings["Gateway:Routes:qr:Weights:phantom"] = "2";
        settings["Gateway:Routes:qr:Weights:acct-a"] = "-1";
        settings["Gateway:Providers:bad name:Plugin"] = "Fake";

        var (snapshot, errors) = Build(settings, new FakePlugin().Load());

        Assert.Null(snapshot);
        Assert.Contains(errors, e => e.StartsWith("Gateway:Clients:bad:ApiKeySha256:"));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Routes:qr:Instances:") && e.Contains("'ghost'"));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Routes:nochannel:Channel:"));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Routes:wrongchannel:Instances:") && e.Contains("does not serve channel 'other.channel'"));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Routes:wrongchannel:Policy:"));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Routes:wrongchannel:MinAmount:"));
        Assert.Contains(errors, e => e == "Gateway:Providers:acct-b:Settings: MerchantId is required.");
        Assert.Contains(errors, e => e.StartsWith("Gateway:Routes:qr:Weights:phantom:"));
        Assert.Contains(errors, e => e == "Gateway:Routes:qr:Weights:acct-a: must be 0 or more.");
        Assert.Contains(errors, e => e.StartsWith("Gateway:Providers:bad name:"));
    }

    [Fact]
    public void InstancesWhosePluginIsNotLoaded_AreInactive_NotErrors_AndSoAreRoutesLeftWithoutInstances()
    {
        var settings = Valid();
        settings["Gateway:Providers:nope:Plugin"] = "Missing";
        settings["Gateway:Providers:broken:Plugin"] = "Broken";
        settings["Gateway:Routes:later:Channel"] = "missing.qr";
        settings["Gateway:Routes:later:Instances:0"] = "nope";
        settings["Gateway:Routes:mixed:Channel"] = "fake.qr";
        settings["Gateway:Routes:mixed:Instances:0"] = "broken";
        settings["Gateway:Routes:mixed:Instances:1"] = "acct-a";

        var (snapshot, errors) = Build(settings, new FakePlugin().Load());

        Assert.Empty(errors);
        Assert.NotNull(snapshot);
        Assert.Contains(snapshot.Inactive, e => e.StartsWith("Gateway:Providers:nope:Plugin:") && e.Contains("no plugin named 'Missing'"));
        Assert.Contains(snapshot.Inactive, e => e.StartsWith("Gateway:Providers:broken:Plugin:") && e.Contains("bad image"));
        Assert.Contains(snapshot.Inactive, e => e.StartsWith("Gateway:Routes:later:"));
        Assert.Null(snapshot.Routes.Match("missing.qr", "shop", 1));
        Assert.Equal(["acct-a"], snapshot.Routes.Routes.Single(r => r.Config.Id == "mixed").Instances.Select(i => i.Name));
    }

    [Theory]
    [InlineData("https://user:secret@hooks.example.test/payments", "must not carry a user name or password")]
    [InlineData("https://user@hooks.example.test/payments", "must not carry a user name or password")]
    [InlineData("ftp://hooks.example.test/payments", "must be an absolute http(s) URL")]
    public void Rejects_AWebhookUrl_WithUserInfoOrAnotherScheme(string url, string problem)
    {
        var settings = Valid();
        settings["Gateway:Clients:shop:WebhookUrl"] = url;
        settings["Gateway:Clients:shop:WebhookSecrets:0"] = "whsec_0123456789abcdef";

        var (_, errors) = Build(settings, new FakePlugin().Load());

        var error = Assert.Single(errors, e => e.StartsWith("Gateway:Clients:shop:WebhookUrl:", StringComparison.Ordinal));
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret@", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_AWebhookUrl_WithoutUserInfo()
    {
        var settings = Valid();
        settings["Gateway:Clients:shop:WebhookUrl"] = "https://hooks.example.test/payments";
        settings["Gateway:Clients:shop:WebhookSecrets:0"] = "whsec_0123456789abcdef";

        var (snapshot, errors) = Build(settings, new FakePlugin().Load());

        Assert.Empty(errors);
        Assert.Equal("https://hooks.example.test/payments", snapshot!.Clients["shop"].WebhookUrl);
    }

    [Fact]
    public void Weighted_NeedsOneInstanceAboveZero()
    {
        var settings = Valid();
        settings["Gateway:Routes:qr:Policy"] = "Weighted";
        settings["Gateway:Routes:qr:Weights:acct-a"] = "0";
        settings["Gateway:Routes:qr:Weights:acct-b"] = "0";

        var (_, errors) = Build(settings, new FakePlugin().Load());

        Assert.Equal(["Gateway:Routes:qr:Weights: at least one instance needs a weight above 0."], errors);
    }

    [Fact]
    public void Context_GivesPerInstanceNotifyAndPluginUrls()
    {
        ProviderInstanceContextProbe.Last = null;
        var settings = Valid();
        Build(settings, new ProbePlugin().Load());

        var context = ProviderInstanceContextProbe.Last;
        Assert.NotNull(context);
        Assert.Equal("https://pay.example.test/notify/acct-b", context.NotifyUrl.ToString());
        Assert.Equal("https://pay.example.test/notify/acct-b/refund", context.RefundNotifyUrl.ToString());
        Assert.Equal("https://pay.example.test/p/acct-b/", context.PluginBaseUrl.ToString());
    }

    private static class ProviderInstanceContextProbe
    {
        public static Abstractions.Plugins.ProviderInstanceContext? Last { get; set; }
    }

    private sealed class ProbePlugin : Abstractions.Plugins.IGatewayPlugin
    {
        private readonly FakePlugin _inner = new();

        public Abstractions.Plugins.PluginDescriptor Descriptor => _inner.Descriptor;

        public void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        {
        }

        public void ValidateSettings(IConfiguration settings, ICollection<string> errors) => _inner.ValidateSettings(settings, errors);

        public Abstractions.Plugins.IProviderInstance CreateInstance(Abstractions.Plugins.ProviderInstanceContext context)
        {
            ProviderInstanceContextProbe.Last = context;
            return _inner.CreateInstance(context);
        }

        public LoadedPlugin Load() => new(Path.GetTempPath(), null, this, new Microsoft.Extensions.DependencyInjection.ServiceCollection().BuildServiceProvider());
    }
}
