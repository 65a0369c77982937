using Gateway.Abstractions.Payments;
using Gateway.Store;
using Gateway.Store.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Payments.Tests;

/// <summary>Money received is never lost: failures stay pending, late and double payments and odd amounts go to review.</summary>
public class ProviderReportApplierReviewTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_000));
    private readonly RecordingRefunder _refunder = new();

    private async Task<(IPaymentStore Store, ProviderReportApplier Applier, PaymentRecord Payment)> ArrangeAsync(string policy = UnexpectedPaymentOptions.Review)
    {
        var store = await new SqlitePaymentStoreTests().CreateStoreAsyncForOthers();
        var payment = PaymentStoreContractTests.NewPayment("pay_1") with { CreatedAt = _time.GetUtcNow(), ExpiresAt = _time.GetUtcNow().AddHours(2) };
        await store.TryInsertAsync(payment, default);
        var options = Options.Create(new UnexpectedPaymentOptions { OnUnexpectedPayment = policy });
        return (store, new ProviderReportApplier(store, _time, NullLogger<ProviderReportApplier>.Instance, options, _refunder), payment);
    }

    private static ProviderReport Paid(string txn = "4200001", long? paid = null, string? review = null) => new()
    {
        Status = PaymentStatus.Succeeded,
        ProviderTransactionId = txn,
        Amount = 100,
        PaidAmount = paid,
        Currency = "CNY",
        ReviewReason = review,
        Source = "notify",
    };

    [Fact]
    public async Task FailureReport_IsRecorded_AndALaterSuccessWins()
    {
        var (store, applier, payment) = await ArrangeAsync();
        var failure = new ProviderReport { Status = PaymentStatus.Failed, ProviderTransactionId = "4200001", ErrorCode = "NOTENOUGH", ErrorMessage = "余额不足", Source = "notify" };

        Assert.Equal(ReportOutcome.Recorded, await applier.ApplyAsync(payment, failure, default));
        var recorded = (await store.GetAsync("pay_1", default))!;
        Assert.Equal((PaymentStatus.Pending, "NOTENOUGH"), (recorded.Status, recorded.ErrorCode));

        Assert.Equal(ReportOutcome.Applied, await applier.ApplyAsync(recorded, Paid(), default));
        Assert.Equal(PaymentStatus.Succeeded, (await store.GetAsync("pay_1", default))!.Status);
    }

    [Fact]
    public async Task VerifiedSuccess_WinsOverFailed()
    {
        var (store, applier, payment) = await ArrangeAsync();
        await store.TryTransitionAsync(new PaymentTransition("pay_1", [PaymentStatus.Pending], PaymentStatus.Failed) { ErrorCode = "SYSTEMERROR" }, _time.GetUtcNow(), default);

        Assert.Equal(ReportOutcome.Applied, await applier.ApplyAsync(payment, Paid(), default));

        var read = (await store.GetAsync("pay_1", default))!;
        Assert.Equal((PaymentStatus.Succeeded, 100L, "4200001"), (read.Status, read.PaidAmount!.Value, read.ProviderTransactionId));
    }

    [Theory]
    [InlineData(PaymentStatus.Closed)]
    [InlineData(PaymentStatus.Expired)]
    public async Task SuccessAfterTheEnd_IsALatePayment_HeldForReview_AndAReplayChangesNothing(PaymentStatus ended)
    {
        var (store, applier, payment) = await ArrangeAsync();
        await store.TryTransitionAsync(new PaymentTransition("pay_1", [PaymentStatus.Pending], ended), _time.GetUtcNow(), default);

        Assert.Equal(ReportOutcome.Review, await applier.ApplyAsync(payment, Paid(), default));
        Assert.Equal(ReportOutcome.AlreadyApplied, await applier.ApplyAsync(payment, Paid(), default));

        var held = (await store.GetAsync("pay_1", default))!;
        Assert.Equal((PaymentStatus.RequiresReview, ReviewReasons.LatePayment), (held.Status, held.ReviewReason));
        Assert.Equal((100L, "4200001"), (held.PaidAmount!.Value, held.ProviderTransactionId));
        Assert.Contains(ended.ToName(), held.ReviewDetail, StringComparison.Ordinal);
        Assert.Empty(_refunder.Refunded);
    }

    [Fact]
    public async Task PaidAnotherAmount_IsHeldForReview_WithWhatWasPaid()
    {
        var (store, applier, payment) = await ArrangeAsync();

        Assert.Equal(ReportOutcome.Review, await applier.ApplyAsync(payment, Paid(paid: 90, review: "realprice 0.90 is 10 fen below price 1.00"), default));

        var held = (await store.GetAsync("pay_1", default))!;
        Assert.Equal((PaymentStatus.RequiresReview, ReviewReasons.AmountMismatch, 90L), (held.Status, held.ReviewReason, held.PaidAmount!.Value));
        Assert.Equal("realprice 0.90 is 10 fen below price 1.00", held.ReviewDetail);
    }

    [Fact]
    public async Task SecondPaymentOfAnOrderToSucceed_IsADoublePayment()
    {
        var (store, applier, payment) = await ArrangeAsync();
        await store.TryTransitionAsync(new PaymentTransition("pay_1", [PaymentStatus.Pending], PaymentStatus.Failed), _time.GetUtcNow(), default);
        var second = PaymentStoreContractTests.NewPayment("pay_2") with { CreatedAt = _time.GetUtcNow(), ExpiresAt = _time.GetUtcNow().AddHours(2) };
        Assert.True(await store.TryInsertAsync(second, default));
        Assert.Equal(ReportOutcome.Applied, await applier.ApplyAsync(second, Paid("4200002"), default));

        Assert.Equal(ReportOutcome.Review, await applier.ApplyAsync(payment, Paid("4200001"), default));

        var held = (await store.GetAsync("pay_1", default))!;
        Assert.Equal((PaymentStatus.RequiresReview, ReviewReasons.DoublePayment), (held.Status, held.ReviewReason));
        Assert.Contains("pay_2", held.ReviewDetail, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Succeeded, (await store.GetAsync("pay_2", default))!.Status);
    }

    [Fact]
    public async Task RefundPolicy_HandsTheHeldPaymentToTheRefunder_AfterItIsDurable()
    {
        var (store, applier, payment) = await ArrangeAsync(UnexpectedPaymentOptions.Refund);
        await store.TryTransitionAsync(new PaymentTransition("pay_1", [PaymentStatus.Pending], PaymentStatus.Closed), _time.GetUtcNow(), default);

        Assert.Equal(ReportOutcome.Review, await applier.ApplyAsync(payment, Paid(), default));

        var refunded = Assert.Single(_refunder.Refunded);
        Assert.Equal((PaymentStatus.RequiresReview, 100L, "re_planned"), (refunded.Status, refunded.PaidAmount!.Value, refunded.ReviewRefundId));
        Assert.Equal("re_planned", Assert.Single(_refunder.RowsWritten));
    }

    [Theory]
    [InlineData("Review", false, true)]
    [InlineData("review", false, true)]
    [InlineData("Refund", true, true)]
    [InlineData("Refund", false, false)]
    [InlineData("Ignore", true, false)]
    public void Options_AcceptAKnownPolicy_AndRefundOnlyWithARefunder(string policy, bool withRefunder, bool valid)
    {
        var services = new ServiceCollection();
        if (withRefunder)
        {
            services.AddSingleton<IUnexpectedPaymentRefunder>(_refunder);
        }

        var result = new UnexpectedPaymentOptionsValidator(services.BuildServiceProvider())
            .Validate(null, new UnexpectedPaymentOptions { OnUnexpectedPayment = policy });

        Assert.Equal(valid, result.Succeeded);
    }

    private sealed class RecordingRefunder : IUnexpectedPaymentRefunder
    {
        public List<PaymentRecord> Refunded { get; } = [];

        public List<string?> RowsWritten { get; } = [];

        public PlannedRefund? PlanRefund(PaymentRecord payment) => new("re_planned", new Row(this));

        public Task RefundAsync(PaymentRecord payment, CancellationToken cancellationToken)
        {
            Refunded.Add(payment);
            return Task.CompletedTask;
        }

        private sealed class Row(RecordingRefunder owner) : ITransitionAttachment
        {
            public Task WriteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, PaymentTransition transition, CancellationToken cancellationToken)
            {
                owner.RowsWritten.Add(transition.ReviewRefundId);
                return Task.CompletedTask;
            }
        }
    }
}
