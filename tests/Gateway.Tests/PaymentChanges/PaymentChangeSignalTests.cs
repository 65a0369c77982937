using Gateway.PaymentChanges;

namespace Gateway.Tests.PaymentChanges;

public sealed class PaymentChangeSignalTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Raise_WakesTheWatchesOfThatPayment_AndNoOther()
    {
        var signal = new PaymentChangeSignal();
        using var first = signal.Watch("pay_1");
        using var second = signal.Watch("pay_1");
        using var other = signal.Watch("pay_2");
        var waits = new[] { first.WaitAsync(Long, default), second.WaitAsync(Long, default) };
        var otherWait = other.WaitAsync(Long, default);

        signal.Raise("pay_1");

        var woken = await Task.WhenAll(waits);
        Assert.All(woken, Assert.True);
        Assert.False(otherWait.IsCompleted);
    }

    [Fact]
    public async Task ARaiseBetweenWaits_IsKeptForTheNextWait_AndConsumedByIt()
    {
        var signal = new PaymentChangeSignal();
        using var watch = signal.Watch("pay_1");

        signal.Raise("pay_1"); // e.g. while the page was reading the store
        Assert.True(await watch.WaitAsync(Long, default));
        Assert.False(await watch.WaitAsync(TimeSpan.FromMilliseconds(50), default));
    }

    [Fact]
    public async Task Wait_WithoutAChange_EndsFalseAtItsTimeout_OrThrowsWhenCancelled()
    {
        var signal = new PaymentChangeSignal();
        using var watch = signal.Watch("pay_1");
        Assert.False(await watch.WaitAsync(TimeSpan.FromMilliseconds(20), default));

        using var cancel = new CancellationTokenSource();
        var wait = watch.WaitAsync(Long, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void DisposedWatches_AreForgotten()
    {
        var signal = new PaymentChangeSignal();
        var a = signal.Watch("pay_1");
        var b = signal.Watch("pay_1");
        Assert.Equal(1, signal.WatchedPayments);

        a.Dispose();
        Assert.Equal(1, signal.WatchedPayments);
        b.Dispose();
        Assert.Equal(0, signal.WatchedPayments);
        signal.Raise("pay_1"); // nobody watching: nothing to do, nothing kept
        Assert.Equal(0, signal.WatchedPayments);
    }
}
