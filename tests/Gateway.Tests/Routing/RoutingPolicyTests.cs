using Gateway.Payments;
using Gateway.Tests.Common;

namespace Gateway.Routing.Tests;

public class RoutingPolicyTests
{
    private static Dictionary<string, string?> TwoInstances(string policy) => new()
    {
        ["Gateway:Routes:qr:Channel"] = "fake.qr",
        ["Gateway:Routes:qr:Instances:0"] = "acct-a",
        ["Gateway:Routes:qr:Instances:1"] = "acct-b",
        ["Gateway:Routes:qr:Policy"] = policy,
        ["Gateway:Providers:acct-a:Plugin"] = "Fake",
        ["Gateway:Providers:acct-a:Settings:MerchantId"] = "m-a",
        ["Gateway:Providers:acct-b:Plugin"] = "Fake",
        ["Gateway:Providers:acct-b:Settings:MerchantId"] = "m-b",
    };

    private static List<string> Picks(GatewayHarness gateway, int count)
    {
        var route = gateway.Snapshots.Current.Routes.Routes.Single();
        return Enumerable.Range(0, count).Select(_ => gateway.Picker.Pick(route)!.Name).ToList();
    }

    [Fact]
    public void First_AlwaysPicksTheFirst_UntilItIsBenched()
    {
        using var gateway = new GatewayHarness(TwoInstances("First"), new FakePlugin().Load());

        Assert.All(Picks(gateway, 5), p => Assert.Equal("acct-a", p));
        gateway.Health.Bench("acct-a", "test");
        Assert.All(Picks(gateway, 5), p => Assert.Equal("acct-b", p));
    }

    [Fact]
    public void RoundRobin_Alternates_AndSkipsABenchedInstance()
    {
        using var gateway = new GatewayHarness(TwoInstances("RoundRobin"), new FakePlugin().Load());

        Assert.Equal(["acct-a", "acct-b", "acct-a", "acct-b", "acct-a", "acct-b"], Picks(gateway, 6));
        gateway.Health.Bench("acct-b", "test");
        Assert.All(Picks(gateway, 4), p => Assert.Equal("acct-a", p));
    }

    [Fact]
    public async Task Weighted_SpreadsPaymentsByWeight_Over1000Payments()
    {
        var settings = TwoInstances("Weighted");
        settings["Gateway:Routes:qr:Weights:acct-a"] = "3";
        settings["Gateway:Routes:qr:Weights:acct-b"] = "1";
        var plugin = new FakePlugin();
        using var gateway = new GatewayHarness(settings, plugin.Load());

        for (var i = 0; i < 1000; i++)
        {
            var result = await gateway.Creator.CreateAsync("shop", PaymentBodies.Fake($"order-{i}"), default);
            Assert.Equal(201, PaymentBodies.StatusOf(result));
        }

        Assert.InRange(plugin.Created["m-a"].Creates, 730, 770);
        Assert.InRange(plugin.Created["m-b"].Creates, 230, 270);
    }

    [Fact]
    public void Weighted_InstanceWithWeightZero_IsAStandby()
    {
        var settings = TwoInstances("Weighted");
        settings["Gateway:Routes:qr:Weights:acct-b"] = "0";
        using var gateway = new GatewayHarness(settings, new FakePlugin().Load());

        Assert.All(Picks(gateway, 10), p => Assert.Equal("acct-a", p));
        gateway.Health.Bench("acct-a", "test");
        Assert.All(Picks(gateway, 3), p => Assert.Equal("acct-b", p));
    }

    [Fact]
    public void WhenEveryInstanceIsBenched_ThePolicyPicksAmongAll()
    {
        using var gateway = new GatewayHarness(TwoInstances("First"), new FakePlugin().Load());
        gateway.Health.Bench("acct-a", "test");
        gateway.Health.Bench("acct-b", "test");

        Assert.Equal("acct-a", Picks(gateway, 1).Single());
    }
}
