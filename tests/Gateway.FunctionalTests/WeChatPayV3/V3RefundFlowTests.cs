using System.Net;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;
using static Gateway.FunctionalTests.Refunds.RefundCalls;
using static Gateway.FunctionalTests.WeChatPayV3.V3Refunds;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// Refunds of an APIv3 payment through the gateway's refund API: sent to <c>/v3/refund/domestic/refunds</c> at the v3
/// sandbox, settled by its signed, encrypted <c>REFUND.SUCCESS</c> notify on the instance's notify route (refund sync
/// would first ask after 30 s, so a refund settled within seconds was settled by the notify).
/// </summary>
public sealed class V3RefundFlowTests(V3GatewayFactory gateway) : IClassFixture<V3GatewayFactory>
{
    [Fact]
    public async Task APartialThenAFullRefund_AreSettledByRefundSuccessNotifies_AndThePaymentEndsRefunded()
    {
        var api = gateway.DemoApi();
        var paymentId = await PaidNativeAsync(gateway, "v3-refund-flow-1", 1000);

        var first = await CreatedRefundAsync(api, paymentId, 300, "v3-r-flow-1");
        Assert.Equal("pending", first.Str("status"));
        Assert.StartsWith("5000", first.Str("providerRefundId"), StringComparison.Ordinal);
        Assert.Equal("PROCESSING", first.Str("providerState"));
        var settled = await WaitForRefundAsync(api, first.Str("id"), "succeeded", TimeSpan.FromSeconds(15));
        Assert.Equal("SUCCESS", settled.Str("providerState"));
        Assert.Equal("partially_refunded", (await GetAsync(api, paymentId)).Str("status"));

        var second = await CreatedRefundAsync(api, paymentId, 700, "v3-r-flow-2");
        await WaitForRefundAsync(api, second.Str("id"), "succeeded", TimeSpan.FromSeconds(15));
        Assert.Equal("refunded", (await GetAsync(api, paymentId)).Str("status"));

        // The sandbox holds both at WeChat's own state, and the notifies arrived on the payment's notify route.
        var sandbox = await ReadAsync(await gateway.Browser().GetAsync($"/sandbox/wechatpay/refunds/{second.Str("id")}"));
        Assert.Equal("SUCCESS", sandbox.Str("status"));
        Assert.Equal("700", sandbox.Str("refundFee"));
        using var admin = gateway.ApiClient("sk_test_admin");
        // Three notifies for this payment: TRANSACTION.SUCCESS (a duplicate when a query settled the payment first)
        // and the two REFUND.SUCCESS, each applied.
        var inbox = await ReadAsync(await admin.GetAsync("/admin/notify-inbox?instance=wx3-sandbox&limit=500"));
        var ofThisPayment = inbox["data"]!.AsArray().Where(e => e.Str("paymentId") == paymentId).ToList();
        Assert.Equal(3, ofThisPayment.Count);
        Assert.True(ofThisPayment.Count(e => e.Str("outcome") == "accepted") >= 2, inbox.ToJsonString());
        Assert.All(ofThisPayment, e => Assert.Contains(e.Str("outcome"), new[] { "accepted", "duplicate" }));
    }

    [Fact]
    public async Task AnOverRefund_IsRefusedBeforeAnythingIsWritten_AndTheEarlierRefundStillSettles()
    {
        var api = gateway.DemoApi();
        var paymentId = await PaidNativeAsync(gateway, "v3-refund-over-1", 500);
        var refund = await CreatedRefundAsync(api, paymentId, 400, "v3-r-over-1");

        var (status, problem) = await SendAsync(RefundAsync(api, paymentId, 101, "v3-r-over-2"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("refund_exceeds_paid", problem.Str("code"));
        Assert.Equal("100", problem.Str("remaining"));
        Assert.Single((await ReadAsync(await api.GetAsync($"/v1/payments/{paymentId}/refunds")))["data"]!.AsArray());
        await WaitForRefundAsync(api, refund.Str("id"), "succeeded", TimeSpan.FromSeconds(15));
    }
}
