using Gateway.Abstractions.Payments;
using Gateway.Webhooks;

namespace Gateway.Store.Tests;

/// <summary>Money that was received: one paid payment per merchant order, review transitions, failure reports.</summary>
public abstract partial class PaymentStoreContractTests
{
    private static readonly PaymentStatus[] PaidFrom = [PaymentStatus.Pending, PaymentStatus.Failed];

    [Fact]
    public async Task SecondPaymentOfAnOrder_CannotSucceed_ButCanGoToReview()
    {
        var dialect = await CreateDialectAsync();
        var store = new SqlPaymentStore(dialect, TestEvents.Create);
        var webhooks = new WebhookStore(dialect);
        await store.TryInsertAsync(NewPayment("pay_a") with { NotifyUrl = "https://shop.example/hook" }, default);
        await store.TryTransitionAsync(new PaymentTransition("pay_a", [PaymentStatus.Pending], PaymentStatus.Failed), Now, default);
        Assert.True(await store.TryInsertAsync(NewPayment("pay_b"), default));

        Assert.True(await store.TryTransitionAsync(new PaymentTransition("pay_b", PaidFrom, PaymentStatus.Succeeded) { PaidAmount = 100 }, Now, default));
        Assert.False(await store.TryTransitionAsync(
            new PaymentTransition("pay_a", PaidFrom, PaymentStatus.Succeeded) { PaidAmount = 100, EventType = WebhookEventTypes.PaymentSucceeded }, Now, default));
        Assert.Equal(PaymentStatus.Failed, (await store.GetAsync("pay_a", default))!.Status);
        Assert.Empty(await WebhookEventsAsync(webhooks, "pay_a"));

        Assert.True(await store.TryTransitionAsync(new PaymentTransition("pay_a", PaidFrom, PaymentStatus.RequiresReview)
        {
            PaidAmount = 100,
            ProviderTransactionId = "txn-a",
            ReviewReason = ReviewReasons.DoublePayment,
            ReviewDetail = "pay_b was paid first",
            EventType = WebhookEventTypes.PaymentRequiresReview,
        }, Now, default));
        var held = (await store.GetAsync("pay_a", default))!;
        Assert.Equal((PaymentStatus.RequiresReview, 100L, "txn-a"), (held.Status, held.PaidAmount!.Value, held.ProviderTransactionId));
        Assert.Equal((ReviewReasons.DoublePayment, "pay_b was paid first"), (held.ReviewReason, held.ReviewDetail));
        Assert.Equal([WebhookEventTypes.PaymentRequiresReview], await WebhookEventsAsync(webhooks, "pay_a"));
        Assert.Equal(["pay_a"], (await store.SearchAsync(new PaymentSearch { Status = PaymentStatus.RequiresReview }, default)).Select(p => p.Id));
    }

    [Fact]
    public async Task ConcurrentSuccesses_OfTwoPaymentsOfOneOrder_LeaveExactlyOnePaid()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_a"), default);
        await store.TryTransitionAsync(new PaymentTransition("pay_a", [PaymentStatus.Pending], PaymentStatus.Failed), Now, default);
        await store.TryInsertAsync(NewPayment("pay_b"), default);

        var results = await Task.WhenAll(new[] { "pay_a", "pay_b", "pay_a", "pay_b" }.Select(id => Task.Run(
            () => store.TryTransitionAsync(new PaymentTransition(id, PaidFrom, PaymentStatus.Succeeded) { PaidAmount = 100 }, Now, default))));

        Assert.Equal(1, results.Count(applied => applied));
        var statuses = new[] { (await store.GetAsync("pay_a", default))!.Status, (await store.GetAsync("pay_b", default))!.Status };
        Assert.Equal(1, statuses.Count(s => s == PaymentStatus.Succeeded));
    }

    [Fact]
    public async Task Insert_RefusesAnOrderWithAClosedPayment_AndAllowsOneWhosePaymentFailed()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_c", "o-closed"), default);
        await store.TryTransitionAsync(new PaymentTransition("pay_c", [PaymentStatus.Pending], PaymentStatus.Closed), Now, default);
        await store.TryInsertAsync(NewPayment("pay_f", "o-failed"), default);
        await store.TryTransitionAsync(new PaymentTransition("pay_f", [PaymentStatus.Pending], PaymentStatus.Failed), Now, default);

        Assert.False(await store.TryInsertAsync(NewPayment("pay_c2", "o-closed"), default));
        Assert.True(await store.TryInsertAsync(NewPayment("pay_f2", "o-failed"), default));
        Assert.False(await store.TryInsertAsync(NewPayment("pay_f3", "o-failed"), default));
    }

    [Fact]
    public async Task FailureReport_OnlyTouchesAPendingPayment()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_1"), default);
        await store.TryTransitionAsync(new PaymentTransition("pay_1", [PaymentStatus.Pending], PaymentStatus.Succeeded) { PaidAmount = 100 }, Now, default);

        Assert.False(await store.RecordFailureReportAsync("pay_1", "PAYERROR", null, Now, default));
        var read = (await store.GetAsync("pay_1", default))!;
        Assert.Equal((PaymentStatus.Succeeded, (string?)null), (read.Status, read.ErrorCode));
    }

    private static async Task<List<string>> WebhookEventsAsync(WebhookStore webhooks, string paymentId)
        => (await webhooks.ListAsync(paymentId, null, 50, default)).Select(e => e.Type).ToList();
}
