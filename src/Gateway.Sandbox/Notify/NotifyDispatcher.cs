using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Gateway.Sandbox.Notify;

/// <summary>
/// Drains a queue of paid orders and gives each its own delivery loop, so a slow or failing receiver only
/// delays its own retries, never another order's notify. On shutdown it waits for the loops, which watch
/// the same stopping token.
/// </summary>
internal abstract class NotifyDispatcher<TOrder>(ChannelReader<TOrder> orders) : BackgroundService
{
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new ConcurrentDictionary<Task, byte>();
        try
        {
            await foreach (var order in orders.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var delivering = DeliverAsync(order, stoppingToken);
                running.TryAdd(delivering, 0);
                _ = delivering.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: fall through and let the in-flight loops observe the same token.
        }
        finally
        {
            await Task.WhenAll(running.Keys).ConfigureAwait(false);
        }
    }

    /// <summary>Delivers one order's notify, retries included. Must not throw except on shutdown.</summary>
    protected abstract Task DeliverAsync(TOrder order, CancellationToken stoppingToken);
}
