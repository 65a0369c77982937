using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Operability;

public class AdminApiTests(OperableGatewayFactory gateway) : IClassFixture<OperableGatewayFactory>
{
    public static TheoryData<string> Paths => new() { "/admin/plugins", "/admin/instances", "/admin/routes", "/admin/payments" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Admin_RefusesPaymentKeysAndAnonymous_AcceptsTheAdminKey(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ApiClient(GatewayFactory.ClientAKey).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ApiClient(apiKey: null).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.ApiClient(OperableGatewayFactory.AdminKey).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AdminKey_IsNotAPaymentKey()
        => Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ApiClient(OperableGatewayFactory.AdminKey).GetAsync("/v1/payments?merchantOrderId=x")).StatusCode);

    [Fact]
    public async Task Instances_ShowAccounts_WithSecretsRedacted()
    {
        var admin = gateway.ApiClient(OperableGatewayFactory.AdminKey);
        var instances = (await ReadAsync(await admin.GetAsync("/admin/instances")))["data"]!.AsArray();
        var wxA = instances.Single(i => i!.Str("name") == "wx-a")!;
        Assert.Equal(GatewayFactory.AppA, wxA.Str("appId"));
        Assert.Equal(GatewayFactory.MchA, wxA.Str("merchantId"));
        Assert.Equal("***", wxA.Str("settings.ApiKey"));
        Assert.Equal(GatewayFactory.MchA, wxA.Str("settings.MchId"));

        var plugins = (await ReadAsync(await admin.GetAsync("/admin/plugins")))["data"]!.AsArray();
        var native = plugins.Single(p => p!.Str("name") == "WeChatNative")!;
        Assert.Equal("loaded", native.Str("status"));
        Assert.Equal("wechat.native", native["channels"]![0]!.ToString());

        var routes = (await ReadAsync(await admin.GetAsync("/admin/routes")))["data"]!.AsArray();
        Assert.Contains(routes, r => r!.Str("id") == "native-a");
    }

    [Fact]
    public async Task Payments_AreSearchable()
    {
        var created = await CreateAsync(gateway.ApiClient(), NativePayment("admin-search-1"));
        var admin = gateway.ApiClient(OperableGatewayFactory.AdminKey);
        var found = (await ReadAsync(await admin.GetAsync("/admin/payments?merchantOrderId=admin-search-1&instance=wx-a&status=pending&limit=5")))["data"]!.AsArray();
        var payment = Assert.Single(found)!;
        Assert.Equal(created.Str("id"), payment.Str("payment.id"));
        Assert.Equal("client-a", payment.Str("clientId"));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", payment.Str("traceParent"));

        Assert.Empty((await ReadAsync(await admin.GetAsync("/admin/payments?merchantOrderId=admin-search-1&status=succeeded")))["data"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/admin/payments?status=nope")).StatusCode);
    }
}
