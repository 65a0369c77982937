using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Operability;

public class HealthTests(OperableGatewayFactory gateway) : IClassFixture<OperableGatewayFactory>
{
    [Fact]
    public async Task Ready_FollowsTheStore_AndLiveStaysUp()
    {
        var http = gateway.ApiClient(apiKey: null);
        var ready = await http.GetAsync("/health/ready");
        var body = await ReadAsync(ready);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", body.Str("status"));
        Assert.Equal("Healthy", body.Str("entries.store.status"));
        Assert.Equal("Healthy", body.Str("entries.plugins.status"));
        Assert.Equal("ok", body.Str("entries.provider-instances.data.wx-a"));

        gateway.Store.Broken = true;
        try
        {
            var down = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            var report = await ReadAsync(down);
            Assert.Equal("Unhealthy", report.Str("status"));
            Assert.Equal("Unhealthy", report.Str("entries.store.status"));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            gateway.Store.Broken = false;
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }
}
