using Gateway.Notify;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Notify.Tests;

public class DoneNotifyMemoryTests
{
    [Fact]
    public void RemembersTheFingerprint_NotJustTheKey()
    {
        var memory = new DoneNotifyMemory(new FakeTimeProvider(), TimeSpan.FromHours(1), capacity: 10);
        Assert.False(memory.IsDone("k"));

        memory.Remember("k", "done|fp-1");

        Assert.True(memory.IsDone("k"));
        Assert.True(memory.IsDone("k", "done|fp-1"));
        Assert.False(memory.IsDone("k", "done|fp-2"));
        Assert.False(memory.IsDone("other", "done|fp-1"));
    }

    [Fact]
    public void BeyondCapacity_TheOldestAreForgottenFirst()
    {
        var memory = new DoneNotifyMemory(new FakeTimeProvider(), TimeSpan.FromHours(1), capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            memory.Remember($"k{i}", $"fp{i}");
        }

        Assert.Equal(3, memory.Count);
        Assert.False(memory.IsDone("k1"));
        Assert.False(memory.IsDone("k2"));
        Assert.True(memory.IsDone("k3", "fp3") && memory.IsDone("k4", "fp4") && memory.IsDone("k5", "fp5"));
    }

    [Fact]
    public void AKeyWrittenAgain_KeepsItsNewestPlaceInTheOrder()
    {
        var memory = new DoneNotifyMemory(new FakeTimeProvider(), TimeSpan.FromHours(1), capacity: 2);
        memory.Remember("a", "fp-a");
        memory.Remember("b", "fp-b");
        memory.Remember("a", "fp-a2"); // now newer than b

        memory.Remember("c", "fp-c"); // pushes out b, the oldest live one

        Assert.False(memory.IsDone("b"));
        Assert.True(memory.IsDone("a", "fp-a2"));
        Assert.True(memory.IsDone("c", "fp-c"));
        Assert.Equal(2, memory.Count);
    }

    [Fact]
    public void ExpiredEntries_AreNotDone_AndArePushedOutByTheNextWrite()
    {
        var time = new FakeTimeProvider();
        var memory = new DoneNotifyMemory(time, TimeSpan.FromMinutes(10), capacity: 100);
        memory.Remember("old-1", "fp");
        memory.Remember("old-2", "fp");
        time.Advance(TimeSpan.FromMinutes(9));
        memory.Remember("young", "fp");

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(memory.IsDone("old-1"));
        Assert.True(memory.IsDone("young", "fp"));

        memory.Remember("new", "fp");
        Assert.Equal(2, memory.Count);
    }

    [Fact]
    public void LongKeys_AreDigestedLikeShortOnes()
    {
        var memory = new DoneNotifyMemory(new FakeTimeProvider(), TimeSpan.FromHours(1), capacity: 10);
        var key = new string('键', 2000);
        memory.Remember(key, "fp");
        Assert.True(memory.IsDone(key, "fp"));
        Assert.False(memory.IsDone(key[..^1], "fp"));
    }
}
