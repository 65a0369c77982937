using Gateway.Abstractions.Payments;
using Gateway.Store;
using Gateway.Store.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Payments.Tests;

public class ProviderReportApplierTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_000));

    private async Task<(IPaymentStore Store, ProviderReportApplier Applier, PaymentRecord Payment)> ArrangeAsync()
    {
        var store = await new SqlitePaymentStoreTests().CreateStoreAsyncForOthers();
        var payment = PaymentStoreContractTests.NewPayment("pay_1") with { CreatedAt = _time.GetUtcNow(), ExpiresAt = _time.GetUtcNow().AddHours(2) };
        await store.TryInsertAsync(payment, default);
        return (store, new ProviderReportApplier(store, _time, NullLogger<ProviderReportApplier>.Instance), payment);
    }

    private static ProviderReport Paid(long amount = 100, string merchant = "m1", string app = "wx1", string txn = "4200001") => new()
    {
        Status = PaymentStatus.Succeeded,
        ProviderTransactionId = txn,
        Amount = amount,
        Currency = "CNY",
        AppId = app,
        MerchantId = merchant,
        Source = "notify",
    };

    [Fact]
    public async Task Paid_Applies_Once_ThenReplayIsAlreadyApplied()
    {
        var (store, applier, payment) = await ArrangeAsync();

        Assert.Equal(ReportOutcome.Applied, await applier.ApplyAsync(payment, Paid(), default));
        Assert.Equal(ReportOutcome.AlreadyApplied, await applier.ApplyAsync(payment, Paid(), default));

        var read = await store.GetAsync("pay_1", default);
        Assert.Equal(PaymentStatus.Succeeded, read!.Status);
        Assert.Equal("4200001", read.ProviderTransactionId);
    }

    [Theory]
    [InlineData(99, "m1", "wx1")]
    [InlineData(100, "m2", "wx1")]
    [InlineData(100, "m1", "wx2")]
    public async Task Mismatch_ChangesNothing(long amount, string merchant, string app)
    {
        var (store, applier, payment) = await ArrangeAsync();

        Assert.Equal(ReportOutcome.Mismatch, await applier.ApplyAsync(payment, Paid(amount, merchant, app), default));

        Assert.Equal(PaymentStatus.Pending, (await store.GetAsync("pay_1", default))!.Status);
    }

    [Fact]
    public async Task PaidWithAnotherTransaction_AfterSuccess_IsConflict()
    {
        var (store, applier, payment) = await ArrangeAsync();
        await applier.ApplyAsync(payment, Paid(), default);

        Assert.Equal(ReportOutcome.Conflict, await applier.ApplyAsync(payment, Paid(txn: "4200999"), default));
        Assert.Equal("4200001", (await store.GetAsync("pay_1", default))!.ProviderTransactionId);
    }

    [Fact]
    public async Task PaidWithoutATime_BySync_IsSucceeded_AtTheGatewaysObservationTime()
    {
        // WeChat's orderquery with an unreadable time_end (00010101000000): its notify is refused, sync settles it.
        var (store, applier, payment) = await ArrangeAsync();
        _time.Advance(TimeSpan.FromMinutes(7));

        Assert.Equal(ReportOutcome.Applied, await applier.ApplyAsync(payment, Paid() with { PaidAt = null, Source = "sync" }, default));

        var read = (await store.GetAsync("pay_1", default))!;
        Assert.Equal(PaymentStatus.Succeeded, read.Status);
        Assert.Equal(_time.GetUtcNow(), read.PaidAt);
    }

    [Fact]
    public async Task PaidWithoutATime_FoundAfterExpiry_IsSucceeded_NeverExpired()
    {
        // The expiry path: closeorder answers ORDERPAID, so it syncs instead, and the query says SUCCESS.
        var (store, applier, payment) = await ArrangeAsync();
        _time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(ReportOutcome.Applied, await applier.ApplyAsync(payment, Paid() with { PaidAt = null, Source = "sync" }, default));

        var read = (await store.GetAsync("pay_1", default))!;
        Assert.Equal(PaymentStatus.Succeeded, read.Status);
        Assert.Equal(100, read.PaidAmount);
        Assert.Equal(_time.GetUtcNow(), read.PaidAt);
    }

    [Fact]
    public async Task ClosedAtProvider_AfterExpiry_IsExpired()
    {
        var (store, applier, payment) = await ArrangeAsync();
        _time.Advance(TimeSpan.FromHours(3));

        var outcome = await applier.ApplyAsync(payment, new ProviderReport { Status = PaymentStatus.Closed, Source = "sync" }, default);

        Assert.Equal(ReportOutcome.Applied, outcome);
        Assert.Equal(PaymentStatus.Expired, (await store.GetAsync("pay_1", default))!.Status);
    }
}
