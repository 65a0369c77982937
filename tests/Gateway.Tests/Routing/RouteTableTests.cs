using Gateway.Configuration;
using Gateway.Plugins;
using Gateway.Tests.Common;
using Microsoft.Extensions.Configuration;

namespace Gateway.Routing.Tests;

public class RouteTableTests
{
    private static readonly LoadedPlugin Plugin = new FakePlugin().Load();

    private static RouteState Route(string id, string channel, int order = 0, long? min = null, long? max = null, params string[] clients)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MerchantId"] = id }).Build();
        var instance = new ProviderInstanceState(id, Plugin, Plugin.EntryPoint.CreateInstance(new Abstractions.Plugins.ProviderInstanceContext
        {
            InstanceName = id,
            Settings = settings,
            Services = Plugin.Services,
            NotifyUrl = new Uri("http://x/notify"),
            RefundNotifyUrl = new Uri("http://x/notify/refund"),
            PluginBaseUrl = new Uri("http://x/p/"),
            HttpClientName = id,
        }));
        var config = new RouteConfig { Id = id, Channel = channel, Order = order, MinAmount = min, MaxAmount = max, Clients = clients, Instances = [id] };
        return new RouteState(config, [instance], new FirstRoutingPolicy());
    }

    [Fact]
    public void Match_ByChannel()
    {
        var table = new RouteTable([Route("a", "fake.qr"), Route("b", "other")]);

        Assert.Equal("b", table.Match("other", "shop", 100)?.Config.Id);
        Assert.Null(table.Match("unknown", "shop", 100));
    }

    [Fact]
    public void Match_ByClient_BeforeCatchAll_WhenOrderedFirst()
    {
        var table = new RouteTable([Route("all", "fake.qr", order: 10), Route("vip", "fake.qr", 0, null, null, "vip-shop")]);

        Assert.Equal("vip", table.Match("fake.qr", "vip-shop", 1)?.Config.Id);
        Assert.Equal("all", table.Match("fake.qr", "shop", 1)?.Config.Id);
    }

    [Theory]
    [InlineData(99, "small")]
    [InlineData(100, "big")]
    [InlineData(100_000, "big")]
    [InlineData(100_001, null)]
    public void Match_ByAmountRange_Inclusive(long amount, string? expected)
    {
        var table = new RouteTable([Route("big", "fake.qr", 0, 100, 100_000), Route("small", "fake.qr", 1, null, 99)]);

        Assert.Equal(expected, table.Match("fake.qr", "shop", amount)?.Config.Id);
    }
}
