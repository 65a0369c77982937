using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hosting.Tests;

public class InMemoryGatewayCacheTests
{
    [Fact]
    public async Task Values_ExpireAfterTheirTimeToLive()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryGatewayCache(time);

        await cache.SetAsync("k", "v", TimeSpan.FromSeconds(10), default);
        Assert.Equal("v", await cache.GetAsync("k", default));

        time.Advance(TimeSpan.FromSeconds(11));
        Assert.Null(await cache.GetAsync("k", default));
    }

    [Fact]
    public async Task ExpiredEntries_AreSweptOut_LiveOnesStay()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryGatewayCache(time);
        await cache.SetAsync("live", "v", TimeSpan.FromHours(1), default);
        for (var i = 0; i < InMemoryGatewayCache.SweepEvery - 2; i++)
        {
            await cache.SetAsync($"short-{i}", "v", TimeSpan.FromSeconds(10), default);
        }

        Assert.Equal(InMemoryGatewayCache.SweepEvery - 1, cache.Count);
        time.Advance(TimeSpan.FromSeconds(11));

        // The next write is the SweepEvery-th: the expired entries go, the live ones stay.
        await cache.SetAsync("after", "v", TimeSpan.FromHours(1), default);
        Assert.Equal(2, cache.Count);
        Assert.Equal("v", await cache.GetAsync("live", default));
        Assert.Equal("v", await cache.GetAsync("after", default));
    }

    [Fact]
    public async Task Lock_IsExclusive_UntilReleasedOrExpired()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryGatewayCache(time);

        var first = await cache.TryLockAsync("token", TimeSpan.FromSeconds(5), default);
        Assert.NotNull(first);
        Assert.Null(await cache.TryLockAsync("token", TimeSpan.FromSeconds(5), default));

        await first.DisposeAsync();
        var second = await cache.TryLockAsync("token", TimeSpan.FromSeconds(5), default);
        Assert.NotNull(second);

        time.Advance(TimeSpan.FromSeconds(6));
        var third = await cache.TryLockAsync("token", TimeSpan.FromSeconds(5), default);
        Assert.NotNull(third);

        // The expired holder's release must not free the new holder's lease.
        await second.DisposeAsync();
        Assert.Null(await cache.TryLockAsync("token", TimeSpan.FromSeconds(5), default));
    }

    [Fact]
    public async Task Lock_UnderContention_HasOneWinner()
    {
        var cache = new InMemoryGatewayCache(TimeProvider.System);

        var leases = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () => await cache.TryLockAsync("x", TimeSpan.FromMinutes(1), default))));

        Assert.Single(leases, l => l is not null);
    }
}
