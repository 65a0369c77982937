using Gateway.Idempotency;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Idempotency.Tests;

public class InMemoryIdempotencyStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(25);

    [Fact]
    public async Task AnsweredKeys_AreReplayed_UntilTheyExpire_ThenDroppedByTheNextAnswer()
    {
        var time = new FakeTimeProvider();
        var store = Store(time, capacity: 100);
        await AnswerAsync(store, "k1");
        Assert.True((await store.TryBeginAsync("k1", "fp", Lease, default)).Existing is { Done: true, StatusCode: 201 });

        time.Advance(Retention + TimeSpan.FromSeconds(1));
        await AnswerAsync(store, "k2");

        Assert.Equal(1, store.Count);
        Assert.Null((await store.TryBeginAsync("k1", "fp", Lease, default)).Existing);
    }

    [Fact]
    public async Task BeyondCapacity_TheOldestAnswersAreDroppedFirst()
    {
        var store = Store(new FakeTimeProvider(), capacity: 2);
        await AnswerAsync(store, "k1");
        await AnswerAsync(store, "k2");
        await AnswerAsync(store, "k3");

        Assert.Equal(2, store.Count);
        Assert.Null((await store.TryBeginAsync("k1", "fp", Lease, default)).Existing);
        Assert.NotNull((await store.TryBeginAsync("k3", "fp", Lease, default)).Existing);
    }

    [Fact]
    public async Task AKeyInFlight_IsNeverDroppedForCapacity()
    {
        var store = Store(new FakeTimeProvider(), capacity: 1);
        Assert.Null((await store.TryBeginAsync("in-flight", "fp", Lease, default)).Existing);
        await AnswerAsync(store, "k1");
        await AnswerAsync(store, "k2");

        Assert.True((await store.TryBeginAsync("in-flight", "fp", Lease, default)).Existing is { Done: false });
    }

    private static InMemoryIdempotencyStore Store(TimeProvider time, int capacity)
        => new(time, Options.Create(new IdempotencyOptions { InProcessCapacity = capacity }));

    private static async Task AnswerAsync(InMemoryIdempotencyStore store, string key)
    {
        Assert.Null((await store.TryBeginAsync(key, "fp", Lease, default)).Existing);
        await store.CompleteAsync(key, new IdempotencyRecord("fp", true, 201, "application/json", null, [1, 2]), Retention, default);
    }
}
