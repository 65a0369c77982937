using Gateway.Abstractions.Payments;
using Gateway.Refunds;
using Gateway.Tests.Common;
using Microsoft.Extensions.Options;

namespace Gateway.Store.Tests;

/// <summary>
/// Giving back a payment held in review (migration 0006): a double payment fully refunded next to its order's
/// succeeded payment must not hit the one-paid-per-order index, and cannot be accepted while it is refunded.
/// </summary>
public abstract partial class PaymentStoreContractTests
{
    [Fact]
    public async Task DoublePayment_FullyRefundedFromReview_EndsRefunded_NextToTheSucceededSibling()
    {
        var (store, ledger, harness) = await DoublePaymentAsync();
        using var _ = harness;

        Assert.Equal(ReservationOutcome.InvalidState, (await ledger.ReserveAsync(ReviewRefund("re_api", "pay_a"), default)).Outcome);
        Assert.Equal(ReservationOutcome.Reserved, (await ledger.ReserveAsync(ReviewRefund("re_1", "pay_a"), default, fromReview: true)).Outcome);
        Assert.Equal("re_1", (await store.GetAsync("pay_a", default))!.ReviewRefundId);
        Assert.False(await store.TryTransitionAsync(new PaymentTransition("pay_a", [PaymentStatus.RequiresReview], PaymentStatus.Succeeded), Now, default));

        Assert.True(await ledger.SettleAsync(new RefundSettlement("re_1", RefundStatus.Succeeded), Now, default));

        Assert.Equal(PaymentStatus.Refunded, (await store.GetAsync("pay_a", default))!.Status);
        Assert.Equal(PaymentStatus.Succeeded, (await store.GetAsync("pay_b", default))!.Status);
        // The refunded double payment does not take the order's paid slot: pay_b is still its one paid payment.
        Assert.Equal(ReservationOutcome.Reserved, (await ledger.ReserveAsync(ReviewRefund("re_b", "pay_b", 30), default)).Outcome);
    }

    [Fact]
    public async Task FailedReviewRefund_ReleasesThePayment_ForAcceptOrAnotherRefund()
    {
        var (store, ledger, harness) = await DoublePaymentAsync();
        using var _ = harness;
        await ledger.ReserveAsync(ReviewRefund("re_1", "pay_a"), default, fromReview: true);

        Assert.True(await ledger.SettleAsync(new RefundSettlement("re_1", RefundStatus.Failed) { ErrorCode = "NOTENOUGH" }, Now, default));

        var held = (await store.GetAsync("pay_a", default))!;
        Assert.Equal((PaymentStatus.RequiresReview, (string?)null), (held.Status, held.ReviewRefundId));
        Assert.Equal(ReservationOutcome.Reserved, (await ledger.ReserveAsync(ReviewRefund("re_2", "pay_a"), default, fromReview: true)).Outcome);
        Assert.Equal(ReservationOutcome.InvalidState, (await ledger.ReserveAsync(ReviewRefund("re_3", "pay_a"), default, fromReview: true)).Outcome);
    }

    /// <summary>pay_b succeeded; pay_a, of the same order, paid 100 too and is held as a double payment.</summary>
    private async Task<(IPaymentStore Store, RefundLedger Ledger, GatewayHarness Harness)> DoublePaymentAsync()
    {
        var dialect = await CreateDialectAsync();
        var store = new SqlPaymentStore(dialect, TestEvents.Create);
        var harness = new GatewayHarness([]);
        var ledger = new RefundLedger(dialect, new RefundEventFactory(harness.Snapshots, Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions())));
        await store.TryInsertAsync(NewPayment("pay_a"), default);
        await store.TryTransitionAsync(new PaymentTransition("pay_a", [PaymentStatus.Pending], PaymentStatus.Failed), Now, default);
        await store.TryInsertAsync(NewPayment("pay_b"), default);
        await store.TryTransitionAsync(new PaymentTransition("pay_b", PaidFrom, PaymentStatus.Succeeded) { PaidAmount = 100 }, Now, default);
        Assert.True(await store.TryTransitionAsync(new PaymentTransition("pay_a", PaidFrom, PaymentStatus.RequiresReview)
        {
            PaidAmount = 100,
            ReviewReason = ReviewReasons.DoublePayment,
        }, Now, default));
        return (store, ledger, harness);
    }

    private static RefundRecord ReviewRefund(string id, string paymentId, long amount = 100) => new()
    {
        Id = id,
        PaymentId = paymentId,
        ClientId = "shop",
        ProviderInstance = "wx-a",
        MerchantRefundId = "m-" + id,
        Amount = amount,
        Currency = "CNY",
        Status = RefundStatus.Pending,
        Source = RefundSources.Api,
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}
