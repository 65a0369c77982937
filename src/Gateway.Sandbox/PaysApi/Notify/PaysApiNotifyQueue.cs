using System.Threading.Channels;
using Gateway.Sandbox.PaysApi.Orders;

namespace Gateway.Sandbox.PaysApi.Notify;

/// <summary>Paid PaysAPI orders waiting for their notify; written by the payer, drained by <see cref="PaysApiNotifySender"/>.</summary>
internal sealed class PaysApiNotifyQueue
{
    private readonly Channel<PaysApiOrder> _channel = Channel.CreateUnbounded<PaysApiOrder>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<PaysApiOrder> Reader => _channel.Reader;

    public void Enqueue(PaysApiOrder order)
    {
        if (!_channel.Writer.TryWrite(order))
        {
            throw new InvalidOperationException("The PaysAPI notify queue is closed.");
        }
    }
}
