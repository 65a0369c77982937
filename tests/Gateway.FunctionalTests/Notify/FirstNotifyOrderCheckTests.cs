using Gateway.Abstractions.Payments;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.Reliability;
using Gateway.Notify;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Notify;

/// <summary>
/// A first paid notify is applied without reading the payment, its order check in the conditional UPDATE. Whatever
/// that UPDATE does not match goes through the read and the full check, so every outcome is what it always was:
/// on either store, a notify that disagrees with the order is refused, money paid on an ended payment is held for
/// review, and a second transaction for a paid payment is a conflict.
/// </summary>
public class FirstNotifyOrderCheckTests
{
    public static TheoryData<string, string> Disagreements() => new()
    {
        { "memory", "amount" }, { "memory", "currency" }, { "memory", "appid" }, { "memory", "mch_id" },
        { "postgres", "amount" }, { "postgres", "currency" }, { "postgres", "appid" }, { "postgres", "mch_id" },
    };

    [Theory]
    [MemberData(nameof(Disagreements))]
    public async Task SignedNotifyDisagreeingWithTheOrder_IsRefused_AndChangesNothing(string backend, string field)
    {
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend), null);
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("check-" + field, amount: 300))).Str("id");
        var body = NotifyFixtures.PaidNotify(id, field == "amount" ? 301 : 300, NotifyFixtures.NewTransactionId(), fields =>
        {
            switch (field)
            {
                case "currency": fields["fee_type"] = "USD"; break;
                case "appid": fields["appid"] = "wxcccccccccccccccc"; break;
                case "mch_id": fields["mch_id"] = "1900000009"; break;
            }
        });
        using var http = gateway.ApiClient(apiKey: null);

        Assert.Equal("FAIL", await NotifyFixtures.PostAsync(http, "wx-a", body));

        var after = (await gateway.Services.GetRequiredService<IPaymentStore>().GetAsync(id, default))!;
        Assert.Equal((PaymentStatus.Pending, null, null), (after.Status, after.PaidAmount, after.ProviderTransactionId));
        var inbox = await gateway.Services.GetRequiredService<NotifyInbox>().ListAsync("wx-a", null, 10, default);
        Assert.Equal("mismatch", Assert.Single(inbox, e => e.PaymentId == id).Outcome);
    }

    [Theory]
    [InlineData("memory", PaymentStatus.Closed)]
    [InlineData("memory", PaymentStatus.Expired)]
    [InlineData("postgres", PaymentStatus.Closed)]
    [InlineData("postgres", PaymentStatus.Expired)]
    public async Task PaidAfterTheEnd_IsHeldForReview_AsALatePayment(string backend, PaymentStatus ended)
    {
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend), null);
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("late-" + ended, amount: 300))).Str("id");
        var store = gateway.Services.GetRequiredService<IPaymentStore>();
        Assert.True(await store.TryTransitionAsync(new PaymentTransition(id, [PaymentStatus.Pending], ended), DateTimeOffset.UtcNow, default));
        using var http = gateway.ApiClient(apiKey: null);

        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", NotifyFixtures.PaidNotify(id, 300, NotifyFixtures.NewTransactionId())));

        var held = (await store.GetAsync(id, default))!;
        Assert.Equal((PaymentStatus.RequiresReview, ReviewReasons.LatePayment, 300L), (held.Status, held.ReviewReason, held.PaidAmount!.Value));
        var inbox = await gateway.Services.GetRequiredService<NotifyInbox>().ListAsync("wx-a", null, 10, default);
        Assert.Equal("review", Assert.Single(inbox, e => e.PaymentId == id).Outcome);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("postgres")]
    public async Task FirstNotify_IsAccepted_WithoutARead_ThenAnotherTransaction_IsAConflict(string backend)
    {
        using var gateway = GatewayFactory.With(await TestServices.BackendAsync(backend), null);
        var id = (await CreateAsync(gateway.ApiClient(), NativePayment("conflict-1", amount: 300))).Str("id");
        var first = NotifyFixtures.NewTransactionId();
        using var http = gateway.ApiClient(apiKey: null);

        Assert.Equal("SUCCESS", await NotifyFixtures.PostAsync(http, "wx-a", NotifyFixtures.PaidNotify(id, 300, first)));
        Assert.Equal(("FAIL", "order state conflict"), await NotifyFixtures.PostForAckAsync(http, "wx-a", NotifyFixtures.PaidNotify(id, 300, NotifyFixtures.NewTransactionId())));

        var paid = (await gateway.Services.GetRequiredService<IPaymentStore>().GetAsync(id, default))!;
        Assert.Equal((PaymentStatus.Succeeded, first, 300L), (paid.Status, paid.ProviderTransactionId, paid.PaidAmount!.Value));
        var inbox = await gateway.Services.GetRequiredService<NotifyInbox>().ListAsync("wx-a", null, 10, default);
        Assert.Equal(["accepted", "conflict"], inbox.Where(e => e.PaymentId == id).Select(e => e.Outcome).Order());
    }
}
