using Gateway.Plugins;

namespace Gateway.Configuration;

/// <summary>
/// One flow's hold on a <see cref="GatewaySnapshot"/>: it is what <see cref="GatewaySnapshotProvider.Current"/>
/// returns inside the flow, and it leases the snapshot's plugin versions so a swap does not unload them
/// under the flow. Disposing releases the leases and forgets the snapshot (the pin object itself may
/// outlive the request in a captured execution context; it must not keep an old plugin alive).
/// </summary>
internal sealed class GatewaySnapshotPin : IDisposable
{
    private IReadOnlyList<LoadedPlugin>? _leased;

    private GatewaySnapshotPin(GatewaySnapshot snapshot, IReadOnlyList<LoadedPlugin> leased)
    {
        Snapshot = snapshot;
        _leased = leased;
    }

    /// <summary>The pinned snapshot; null once disposed.</summary>
    public GatewaySnapshot? Snapshot { get; private set; }

    /// <summary>Leases every plugin of <paramref name="snapshot"/>; null when one of them has already drained.</summary>
    public static GatewaySnapshotPin? TryCreate(GatewaySnapshot snapshot)
    {
        var plugins = snapshot.Plugins;
        for (var i = 0; i < plugins.Count; i++)
        {
            if (!plugins[i].TryAcquire())
            {
                for (var j = 0; j < i; j++)
                {
                    plugins[j].Release();
                }

                return null;
            }
        }

        return new GatewaySnapshotPin(snapshot, plugins);
    }

    public void Dispose()
    {
        Snapshot = null;
        var leased = Interlocked.Exchange(ref _leased, null);
        if (leased is null)
        {
            return;
        }

        foreach (var plugin in leased)
        {
            plugin.Release();
        }
    }
}
