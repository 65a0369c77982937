using Gateway.Abstractions.Payments;
using Gateway.PaymentChanges;

namespace Gateway.Store.Tests;

public abstract partial class PaymentStoreContractTests
{
    [Fact]
    public async Task CommittedTransitionsAndActions_ArePublished_RefusedTransitionsAreNot()
    {
        var changes = new RecordingPublisher();
        var store = new SqlPaymentStore(await CreateDialectAsync(), TestEvents.Create, changes: changes);
        await store.InitializeAsync(default);
        await store.TryInsertAsync(NewPayment("pay_1"), default);

        await store.SetActionAsync("pay_1", new PaymentAction(PaymentActionTypes.QrCode) { CodeUrl = "weixin://x" }, null, Now, default);
        Assert.Equal(["pay_1"], changes.Published);

        var closed = new PaymentTransition("pay_1", [PaymentStatus.Pending], PaymentStatus.Closed);
        Assert.True(await store.TryTransitionAsync(closed, Now, default));
        Assert.False(await store.TryTransitionAsync(closed, Now, default));
        Assert.Equal(["pay_1", "pay_1"], changes.Published);
    }

    private sealed class RecordingPublisher : IPaymentChangePublisher
    {
        public List<string> Published { get; } = [];

        public void Publish(string paymentId) => Published.Add(paymentId);
    }
}
