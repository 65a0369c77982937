using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests.PaysApi;

/// <summary>
/// Notifies that must not pay an order: forged, tampered, malformed, misrouted or for the wrong amount
/// change nothing and answer <c>fail</c>; a realprice outside the tolerance is held in requires_review with
/// what was paid, then acknowledged.
/// </summary>
public class PaysApiNotifyTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private const string Merchant = GatewayFactory.ClientAKey;

    private async Task<(PaysApiClient Client, string Id)> PendingAsync(string merchantOrderId, string channel = "paysapi.alipay")
    {
        var client = new PaysApiClient(gateway);
        var created = await client.CreateAsync(Merchant, channel, merchantOrderId, 1234);
        return (client, created.Str("id"));
    }

    [Fact]
    public async Task IndependentlySignedNotify_IsAccepted_AndReplayIsIdempotent()
    {
        var (client, id) = await PendingAsync("pn-valid");
        Assert.Equal("success", await client.PostNotifyAsync("pa-form", IndependentPaysApiSigner.Notify(id, "pn-valid", "12.34", "12.33", GatewayFactory.PaysApiFormToken)));
        Assert.Equal("success", await client.PostNotifyAsync("pa-form", IndependentPaysApiSigner.Notify(id, "pn-valid", "12.34", "12.33", GatewayFactory.PaysApiFormToken)));

        var paid = await client.GetAsync(Merchant, id);
        Assert.Equal("succeeded", paid.Str("status"));
        Assert.Equal("1233", paid.Str("paidAmount"));
        Assert.Equal("psfunc0001", paid.Str("providerTransactionId"));
    }

    public static TheoryData<string, string, string, string, string?> Refused => new()
    {
        // price, realprice, token, instance, signedPrice
        { "12.34", "12.34", "not-the-token", "pa-form", null },
        { "0.01", "0.01", GatewayFactory.PaysApiFormToken, "pa-form", "12.34" },
        { "0.01", "0.01", GatewayFactory.PaysApiFormToken, "pa-form", null },
        { "1.5.0", "12.34", GatewayFactory.PaysApiFormToken, "pa-form", null },
        { "12.34", "abc", GatewayFactory.PaysApiFormToken, "pa-form", null },
        { "-12.34", "12.34", GatewayFactory.PaysApiFormToken, "pa-form", null },
        { "12.34", "12.34", GatewayFactory.PaysApiJsonToken, "pa-json", null },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ForgedTamperedMalformedMismatchedOrMisrouted_ChangesNothing(string price, string realPrice, string token, string instance, string? signedPrice)
    {
        var (client, id) = await PendingAsync($"pn-refused-{Guid.NewGuid():N}"[..30]);

        var ack = await client.PostNotifyAsync(instance, IndependentPaysApiSigner.Notify(id, "x", price, realPrice, token, signedPrice: signedPrice));

        Assert.Equal("fail", ack);
        var payment = await client.GetAsync(Merchant, id);
        Assert.Equal("pending", payment.Str("status"));
        Assert.Null(payment["paidAmount"]);
        Assert.Null(payment["reviewReason"]);
    }

    [Fact]
    public async Task UnknownOrder_AnswersFail()
    {
        var client = new PaysApiClient(gateway);
        Assert.Equal("fail", await client.PostNotifyAsync("pa-form", IndependentPaysApiSigner.Notify("pay_unknown", "", "1.00", "1.00", GatewayFactory.PaysApiFormToken)));
    }

    [Theory]
    [InlineData("12.30", 1230)]
    [InlineData("12.35", 1235)]
    public async Task RealPriceOutsideTolerance_FromTheSandbox_IsHeldForReview_NeverPaid(string realPrice, long realFen)
    {
        var (client, id) = await PendingAsync($"pn-review-{realPrice}", "paysapi.wechat");

        await client.PayAsync(id, realPrice);

        var held = await client.WaitForAsync(Merchant, id, p => p.Str("status") != "pending");
        Assert.Equal("requires_review", held.Str("status"));
        Assert.Equal("amount_mismatch", held.Str("reviewReason"));
        Assert.Contains(realPrice, held.Str("reviewDetail"), StringComparison.Ordinal);
        Assert.Equal(realFen.ToString(System.Globalization.CultureInfo.InvariantCulture), held.Str("paidAmount"));
        // Acknowledged only now that the review is durable, so PaysAPI stops retrying: the review is the gateway's job.
        var sandboxOrder = await client.WaitForSandboxNotifyAsync(id, "delivered");
        Assert.Equal(sandboxOrder.Str("paysApiId"), held.Str("providerTransactionId"));
        Assert.Contains("data-status=\"review\"", (await client.GetPageAsync($"/p/pa-json/return?orderid={id}")).Body, StringComparison.Ordinal);
        client.AssertNoTokenInAnyBody();
    }
}
