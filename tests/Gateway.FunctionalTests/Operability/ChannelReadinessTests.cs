using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Operability;

/// <summary>Readiness follows the channels: an unusable instance and its inactive route are reported as degraded while other routes keep the gateway ready.</summary>
public class ChannelReadinessTests
{
    [Fact]
    public async Task UnusableInstance_And_InactiveRoute_AreDegraded_GatewayStaysReady()
    {
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Routes:ghost:Channel"] = "ghost.qr",
            ["Gateway:Routes:ghost:Instances:0"] = "ghost-1",
            ["Gateway:Providers:ghost-1:Plugin"] = "GhostPay", // no such plugin folder
        });
        var response = await gateway.ApiClient(null).GetAsync("/health/ready");
        var report = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", report.Str("status"));
        Assert.Equal("Degraded", report.Str("entries.routes.status"));
        Assert.Contains("Gateway:Routes:ghost", report["entries"]!["routes"]!["data"]!["inactive"]!.ToJsonString());
        Assert.StartsWith("active: wechat.native", report.Str("entries.routes.data.native-a"));
        Assert.Equal("Degraded", report.Str("entries.provider-instances.status"));
        Assert.Contains("GhostPay", report.Str("entries.provider-instances.data.ghost-1"));

        // The other channels still take payments.
        await CreateAsync(gateway.ApiClient(), NativePayment("still-ready"));
    }
}
