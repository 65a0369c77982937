using Gateway.Tests.Common;

namespace Gateway.Plugins.Tests;

public class LoadedPluginLeaseTests
{
    [Fact]
    public async Task Retire_WaitsForEveryLease_ThenRefusesNewOnes()
    {
        var plugin = new FakePlugin().Load();
        Assert.True(plugin.TryAcquire());
        Assert.True(plugin.TryAcquire());

        var drained = plugin.RetireAsync();
        Assert.False(drained.IsCompleted);
        Assert.True(plugin.TryAcquire());
        plugin.Release();
        plugin.Release();
        Assert.False(drained.IsCompleted);

        plugin.Release();
        await drained.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(plugin.TryAcquire());
        Assert.Same(drained, plugin.RetireAsync());
    }
}
