using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.PaysApi;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;

namespace Gateway.FunctionalTests.Refunds;

/// <summary>
/// PaysAPI has no refund API: its payments answer <c>refunds_not_supported</c> naming the instance, and ops record a refund
/// made by hand through the admin API, under the same ledger invariant.
/// </summary>
public sealed class OfflineRefundTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task PaysApiPayment_RefundIsNotSupported_OfflineRefundKeepsTheLedgerTrue()
    {
        var client = new PaysApiClient(gateway);
        var created = await client.CreateAsync(GatewayFactory.ClientAKey, "paysapi.wechat", "offline-1", 500);
        var paymentId = created.Str("id");
        Assert.Equal(HttpStatusCode.OK, (await client.PayAsync(paymentId)).StatusCode);
        var api = gateway.ApiClient();
        await WaitForStatusAsync(api, paymentId, "succeeded");

        var (status, problem) = await SendAsync(RefundAsync(api, paymentId, 100, "r-paysapi-1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("refunds_not_supported", problem.Str("code"));
        Assert.Equal("pa-json", problem.Str("instance"));
        Assert.Empty((await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds")))["data"]!.AsArray());

        using var admin = gateway.ApiClient("sk_test_admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync($"/admin/payments/{paymentId}/offline-refunds", new { amount = 1, merchantRefundId = "x" })).StatusCode);
        var recorded = await admin.PostAsJsonAsync($"/admin/payments/{paymentId}/offline-refunds", new { amount = 200, merchantRefundId = "r-offline-1", reason = "paid back in cash" });
        var refund = await ReadAsync(recorded);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal("succeeded", refund.Str("status"));
        Assert.Equal("offline", refund.Str("source"));
        Assert.Equal("partially_refunded", (await GetAsync(api, paymentId)).Str("status"));

        var over = await admin.PostAsJsonAsync($"/admin/payments/{paymentId}/offline-refunds", new { amount = 301, merchantRefundId = "r-offline-2" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Equal("refund_exceeds_paid", (await ReadAsync(over)).Str("code"));

        var rest = await admin.PostAsJsonAsync($"/admin/payments/{paymentId}/offline-refunds", new { amount = 300, merchantRefundId = "r-offline-3" });
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal("refunded", (await GetAsync(api, paymentId)).Str("status"));
        Assert.Equal(2, (await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds")))["data"]!.AsArray().Count);
    }
}
