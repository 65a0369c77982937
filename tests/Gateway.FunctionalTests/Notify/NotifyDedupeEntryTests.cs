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
/// A copy of a done notify is answered from the dedupe state (its fingerprint), without reading the payment;
/// a copy that differs in a checked field still goes through the order check and changes nothing.
/// </summary>
public class NotifyDedupeEntryTests
{
    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    [InlineData("redis+postgres")]
    public async Task CopiesOfDoneNotify_AcknowledgedAsDuplicates_WithoutReadingThePayment(string backend)
    {
        var reads = new PaymentReadCounter();
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend), reads.Decorate);
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("dedupe-1", amount: 300))).Str("id");
        var body = NotifyFixtures.PaidNotify(id, 300, NotifyFixtures.NewTransactionId());
        using var http = gateway.ApiClient(apiKey: null);

        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", body));
        Assert.Equal(PaymentStatus.Succeeded, (await gateway.Services.GetRequiredService<IPaymentStore>().GetAsync(id, default))!.Status);
        Assert.Equal(1, reads.Of(id)); // that read, just above: the first notify checked the order in its UPDATE, not after a read

        reads.Reset();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", body));
        }

        Assert.Equal(0, reads.Of(id));
        var recorder = gateway.Services.GetRequiredService<NotifyInboxRecorder>();
        await NotifyRejectionSampleTests.WaitUntilAsync(() => recorder.Pending == 0);
        var inbox = await gateway.Services.GetRequiredService<NotifyInbox>().ListAsync("wx-a", "duplicate", 10, default);
        Assert.Equal(5, inbox.Count(e => e.PaymentId == id));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    [InlineData("redis+postgres")]
    public async Task SignedCopyWithAnotherAmount_AfterTheFirstIsDone_IsRefusedAsMismatch_AndChangesNothing(string backend)
    {
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend), null);
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("dedupe-2", amount: 300))).Str("id");
        var transaction = NotifyFixtures.NewTransactionId();
        using var http = gateway.ApiClient(apiKey: null);
        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", NotifyFixtures.PaidNotify(id, 300, transaction)));
        var store = gateway.Services.GetRequiredService<IPaymentStore>();
        var before = (await store.GetAsync(id, default))!;

        var (code, message) = await NotifyFixtures.PostForAckAsync(http, "wx-a", NotifyFixtures.PaidNotify(id, 301, transaction));

        Assert.Equal(("FAIL", "order mismatch"), (code, message));
        var after = (await store.GetAsync(id, default))!;
        Assert.Equal(PaymentStatus.Succeeded, after.Status);
        Assert.Equal((before.PaidAmount, before.ProviderTransactionId, before.UpdatedAt), (after.PaidAmount, after.ProviderTransactionId, after.UpdatedAt));
        var mismatches = await gateway.Services.GetRequiredService<NotifyInbox>().ListAsync("wx-a", "mismatch", 10, default);
        Assert.Single(mismatches, e => e.PaymentId == id);

        // The good copy is still a duplicate afterwards: the refused one did not disturb the dedupe state.
        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", NotifyFixtures.PaidNotify(id, 300, transaction)));
    }
}
