using Gateway.Abstractions.Payments;
using Gateway.Tests.Common;

namespace Gateway.Payments.Tests;

/// <summary>A caller that goes away while the provider places the order does not leave the payment half-recorded.</summary>
public class PaymentCreatorCancellationTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Gateway:Routes:qr:Channel"] = "fake.qr",
        ["Gateway:Routes:qr:Instances:0"] = "acct-a",
        ["Gateway:Providers:acct-a:Plugin"] = "Fake",
        ["Gateway:Providers:acct-a:Settings:MerchantId"] = "m-a",
    };

    [Fact]
    public async Task TheCallerGoesAway_AfterTheProviderPlacedTheOrder_ItsActionIsStillRecorded()
    {
        var stored = await CreateWhileTheCallerLeavesAsync("order-gone",
            r => ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode("fake://" + r.PaymentId))));

        Assert.Equal((PaymentStatus.Pending, "fake://" + stored.Id), (stored.Status, stored.Action?.CodeUrl));
    }

    [Fact]
    public async Task TheCallerGoesAway_AfterTheProviderRefused_ThePaymentStillFails()
    {
        var stored = await CreateWhileTheCallerLeavesAsync("order-refused", _ => new ProviderError(ProviderErrorKind.Rejected, "ORDERPAID", "paid"));

        Assert.Equal(PaymentStatus.Failed, stored.Status);
    }

    /// <summary>Creates a payment whose caller cancels while the provider answers <paramref name="answer"/>; the payment as stored after.</summary>
    private static async Task<Gateway.Store.PaymentRecord> CreateWhileTheCallerLeavesAsync(
        string merchantOrderId, Func<CreatePaymentRequest, ProviderResult<CreatePaymentResult>> answer)
    {
        var plugin = new FakePlugin();
        using var gateway = new GatewayHarness(Settings, plugin.Load());
        using var caller = new CancellationTokenSource();
        string? id = null;
        plugin.Created["m-a"].Create = r =>
        {
            id = r.PaymentId;
            caller.Cancel();
            return answer(r);
        };

        await gateway.Creator.CreateAsync("shop", PaymentBodies.Fake(merchantOrderId), caller.Token);
        return (await gateway.Store.GetAsync(id!, default))!;
    }
}
