using Gateway.Abstractions.Payments;
using Gateway.Webhooks;

namespace Gateway.Store.Tests;

/// <summary>
/// A transition with the order check in its UPDATE (a first notify with no read): applied only when every compared
/// field agrees exactly; anything else changes nothing, so the caller reads the payment and decides as before.
/// </summary>
public abstract partial class PaymentStoreContractTests
{
    // NewPayment's order: instance wx-a, amount 100, CNY, app id wx1, merchant m1.
    private static readonly ExpectedOrder Agreeing = new("wx-a", 100, "CNY", "wx1", "m1");

    private static PaymentTransition PaidNotify(string id) => new(id, PaidFrom, PaymentStatus.Succeeded)
    {
        ProviderTransactionId = "txn-1",
        PaidAmount = 100,
        PaidAt = Now,
        EventType = WebhookEventTypes.PaymentSucceeded,
    };

    public static TheoryData<string> Disagreements() => ["instance", "amount", "currency", "currency case", "app id", "merchant id"];

    [Theory]
    [MemberData(nameof(Disagreements))]
    public async Task OrderCheckedTransition_AnyFieldDiffers_ChangesNothing_AndWritesNoEvent(string field)
    {
        var dialect = await CreateDialectAsync();
        var store = new SqlPaymentStore(dialect, TestEvents.Create);
        await store.TryInsertAsync(NewPayment("pay_1") with { NotifyUrl = "https://shop.example/hook" }, default);
        var order = field switch
        {
            "instance" => Agreeing with { ProviderInstance = "wx-b" },
            "amount" => Agreeing with { Amount = 101 },
            "currency" => Agreeing with { Currency = "USD" },
            "currency case" => Agreeing with { Currency = "cny" }, // the check after a read accepts it: that path decides
            "app id" => Agreeing with { AppId = "wx2" },
            _ => Agreeing with { MerchantId = "m2" },
        };

        Assert.Null(await store.TryTransitionIfOrderAgreesAsync(PaidNotify("pay_1"), order, Now.AddMinutes(1), default));

        var after = (await store.GetAsync("pay_1", default))!;
        Assert.Equal((PaymentStatus.Pending, null, null, Now), (after.Status, after.PaidAmount, after.ProviderTransactionId, after.UpdatedAt));
        Assert.Empty(await WebhookEventsAsync(new WebhookStore(dialect), "pay_1"));
    }

    [Theory]
    [InlineData(PaymentStatus.Closed)]
    [InlineData(PaymentStatus.Expired)]
    [InlineData(PaymentStatus.Succeeded)]
    [InlineData(PaymentStatus.RequiresReview)]
    public async Task OrderCheckedTransition_PaymentNotUnpaid_ChangesNothing(PaymentStatus status)
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_1"), default);
        Assert.True(await store.TryTransitionAsync(new PaymentTransition("pay_1", [PaymentStatus.Pending], status) { ProviderTransactionId = "txn-0" }, Now, default));

        Assert.Null(await store.TryTransitionIfOrderAgreesAsync(PaidNotify("pay_1"), Agreeing, Now.AddMinutes(1), default));

        var after = (await store.GetAsync("pay_1", default))!;
        Assert.Equal((status, "txn-0"), (after.Status, after.ProviderTransactionId));
    }

    [Fact]
    public async Task OrderCheckedTransition_UnknownPayment_ChangesNothing()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.TryTransitionIfOrderAgreesAsync(PaidNotify("pay_missing"), Agreeing, Now, default));
        Assert.Null(await store.GetAsync("pay_missing", default));
    }

    [Fact]
    public async Task OrderCheckedTransition_AnotherPaymentOfTheOrderPaid_ChangesNothing()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_a"), default);
        await store.TryTransitionAsync(new PaymentTransition("pay_a", [PaymentStatus.Pending], PaymentStatus.Failed), Now, default);
        await store.TryInsertAsync(NewPayment("pay_b"), default);
        Assert.True(await store.TryTransitionAsync(new PaymentTransition("pay_b", PaidFrom, PaymentStatus.Succeeded) { PaidAmount = 100 }, Now, default));

        Assert.Null(await store.TryTransitionIfOrderAgreesAsync(PaidNotify("pay_a"), Agreeing, Now.AddMinutes(1), default));
        Assert.Equal(PaymentStatus.Failed, (await store.GetAsync("pay_a", default))!.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OrderCheckedTransition_Agreeing_AppliesOnce_WithItsEvent_AndReturnsThePayment(bool reportLeavesOptionalFieldsOut)
    {
        var dialect = await CreateDialectAsync();
        var store = new SqlPaymentStore(dialect, TestEvents.Create);
        await store.TryInsertAsync(NewPayment("pay_1") with { NotifyUrl = "https://shop.example/hook" }, default);
        var order = reportLeavesOptionalFieldsOut ? Agreeing with { Currency = null, AppId = null, MerchantId = null } : Agreeing;

        var paid = await store.TryTransitionIfOrderAgreesAsync(PaidNotify("pay_1"), order, Now.AddMinutes(1), default);

        Assert.NotNull(paid);
        Assert.Equal((PaymentStatus.Succeeded, 100L, "txn-1", Now.AddMinutes(1)), (paid.Status, paid.PaidAmount!.Value, paid.ProviderTransactionId, paid.UpdatedAt));
        Assert.Equal(NewPayment("pay_1").TraceParent, paid.TraceParent);
        Assert.Equal([WebhookEventTypes.PaymentSucceeded], await WebhookEventsAsync(new WebhookStore(dialect), "pay_1"));
        Assert.Null(await store.TryTransitionIfOrderAgreesAsync(PaidNotify("pay_1"), order, Now.AddMinutes(2), default));
        Assert.Equal([WebhookEventTypes.PaymentSucceeded], await WebhookEventsAsync(new WebhookStore(dialect), "pay_1"));
    }

    [Fact]
    public async Task OrderCheckedTransition_StoredAppIdNull_AgreesWithAnyReportedAppId()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_1") with { AppId = null }, default);

        Assert.NotNull(await store.TryTransitionIfOrderAgreesAsync(PaidNotify("pay_1"), Agreeing, Now, default));
    }
}
