using System.Net;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>Moving a merchant from v2 to v3 is a route change; and certificate mode end to end.</summary>
public sealed class V3RoutingTests(V3GatewayFactory gateway) : IClassFixture<V3GatewayFactory>
{
    [Fact]
    public async Task AWeightedRoute_AcrossTheV2AndV3InstancesOfOneMerchant_KeepsEachPaymentOnItsInstance()
    {
        var api = gateway.ApiClient(V3GatewayFactory.ClientV3Key);
        var created = new List<(string Id, string Provider, string CodeUrl)>();
        for (var i = 0; i < 4; i++)
        {
            var payment = await CreateAsync(api, V3FlowTests.Body("wechat.native", $"v2v3-{i}", 100 + i));
            created.Add((payment.Str("id"), payment.Str("provider"), payment.Str("action.codeUrl")));
        }

        Assert.Equal(["wx-sandbox", "wx3-sandbox"], created.Select(c => c.Provider).Distinct().Order(StringComparer.Ordinal));
        foreach (var (id, provider, codeUrl) in created)
        {
            Assert.Equal(HttpStatusCode.OK, (await ScanAsync(gateway.Browser(), codeUrl)).StatusCode);
            var paid = await WaitForStatusAsync(api, id, "succeeded");
            Assert.Equal(provider, paid.Str("provider"));
            // The sandbox notified the instance that created the payment, in its own protocol.
            var order = await ReadAsync(await gateway.Browser().GetAsync($"/sandbox/wechatpay/orders/{id}"));
            Assert.EndsWith($"/notify/{provider}", order.Str("notifyUrl"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CertificateMode_DownloadsThePlatformCertificate_AndSucceeds()
    {
        var api = gateway.ApiClient(V3GatewayFactory.ClientV3Key);
        var created = await CreateAsync(api, V3FlowTests.Body("wechat.h5", "v3-cert-1", 700));
        Assert.Equal("wx3-cert", created.Str("provider"));
        var h5Url = created.Str("action.url");
        var prepayId = Uri.UnescapeDataString(new Uri(h5Url).Query.Split("prepay_id=")[1]);

        var paid = await gateway.Browser().PostAsync(h5Url, new FormUrlEncodedContent([new("prepay_id", prepayId)]));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

        await WaitForStatusAsync(api, created.Str("id"), "succeeded");
    }
}
