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
        var plugin = new FakePlugin();
        using var gateway = new GatewayHarness(Settings, plugin.Load());
        using var caller = new CancellationTokenSource();
        string? id = null;
        plugin.Created["m-a"].Create = r =>
        {
            id = r.PaymentId;
            caller.Cancel();
            return ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode("fake://" + r.PaymentId)));
        };

        await gateway.Creator.CreateAsync("shop", PaymentBodies.Fake("order-gone"), caller.Token);

        var stored = await gateway.Store.GetAsync(id!, default);
        Assert.Equal((PaymentStatus.Pending, "fake://" + id), (stored!.Status, stored.Action?.CodeUrl));
    }

    [Fact]
    public async Task TheCallerGoesAway_AfterTheProviderRefused_ThePaymentStillFails()
    {
        var plugin = new FakePlugin();
        using var gateway = new GatewayHarness(Settings, plugin.Load());
        using var caller = new CancellationTokenSource();
        string? id = null;
        plugin.Created["m-a"].Create = r =>
        {
            id = r.PaymentId;
            caller.Cancel();
            return new ProviderError(ProviderErrorKind.Rejected, "ORDERPAID", "paid");
        };

        await gateway.Creator.CreateAsync("shop", PaymentBodies.Fake("order-refused"), caller.Token);

        Assert.Equal(PaymentStatus.Failed, (await gateway.Store.GetAsync(id!, default))!.Status);
    }
}
