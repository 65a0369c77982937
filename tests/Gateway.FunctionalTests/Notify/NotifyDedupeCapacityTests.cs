using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.Reliability;
using Gateway.Notify;
using Gateway.Store;
using Gateway.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Notify;

/// <summary>
/// Without Redis the done notifies are remembered up to <c>Gateway:Notify:InProcessDedupeCapacity</c>, oldest out
/// first. The dedupe state is a shortcut, not the guard: a copy of a forgotten notify takes the full path, the
/// conditional transition finds the payment already paid, and it is acknowledged with nothing changed.
/// </summary>
public class NotifyDedupeCapacityTests
{
    [Fact]
    public async Task CopyOfAForgottenNotify_IsAcknowledged_AndChangesNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var gateway = GatewayFactory.With(new Dictionary<string, string?>
        {
            ["Gateway:Notify:InProcessDedupeCapacity"] = "1",
            ["Gateway:Clients:client-a:WebhookUrl"] = receiver.Url,
        });
        var api = gateway.ApiClient();
        using var http = gateway.ApiClient(apiKey: null);
        var first = (await CreateAsync(api, NativePayment("evict-1", amount: 300))).Str("id");
        var second = (await CreateAsync(api, NativePayment("evict-2", amount: 400))).Str("id");
        var firstNotify = NotifyFixtures.PaidNotify(first, 300, NotifyFixtures.NewTransactionId());
        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", firstNotify));
        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", NotifyFixtures.PaidNotify(second, 400, NotifyFixtures.NewTransactionId())));

        // The second done notify pushed the first out of the dedupe memory.
        var deduplicator = (InMemoryNotifyDeduplicator)gateway.Services.GetRequiredService<INotifyDeduplicator>();
        Assert.Equal(1, deduplicator.Remembered);
        var store = gateway.Services.GetRequiredService<IPaymentStore>();
        var before = (await store.GetAsync(first, default))!;

        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", firstNotify));
        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", firstNotify));

        var after = (await store.GetAsync(first, default))!;
        Assert.Equal(PaymentStatus.Succeeded, after.Status);
        Assert.Equal((before.PaidAmount, before.ProviderTransactionId, before.PaidAt, before.UpdatedAt), (after.PaidAmount, after.ProviderTransactionId, after.PaidAt, after.UpdatedAt));
        var events = await gateway.Services.GetRequiredService<WebhookStore>().ListAsync(first, null, 10, default);
        Assert.Equal(WebhookEventTypes.PaymentSucceeded, Assert.Single(events).Type);

        // The copy that took the full path is an inbox "duplicate" like any other, and is remembered again.
        var recorder = gateway.Services.GetRequiredService<NotifyInboxRecorder>();
        await NotifyRejectionSampleTests.WaitUntilAsync(() => recorder.Pending == 0);
        var inbox = await gateway.Services.GetRequiredService<NotifyInbox>().ListAsync("wx-a", null, 20, default);
        Assert.Equal(["accepted", "duplicate", "duplicate"], inbox.Where(e => e.PaymentId == first).Select(e => e.Outcome).Order());
        Assert.Equal(1, deduplicator.Remembered);
    }
}
