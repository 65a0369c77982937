using System.Threading.Channels;
using Gateway.Sandbox.WeChatPay.Orders;

namespace Gateway.Sandbox.WeChatPay.Notify;

/// <summary>Paid orders waiting for their notify; written by the payer, drained by <see cref="NotifySender"/>.</summary>
internal sealed class NotifyQueue
{
    // Unbounded: a payment must never wait on the notify side, and the sandbox sees few payments.
    private readonly Channel<SandboxOrder> _channel = Channel.CreateUnbounded<SandboxOrder>(
        new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<SandboxOrder> Reader => _channel.Reader;

    public void Enqueue(SandboxOrder order)
    {
        if (!_channel.Writer.TryWrite(order))
        {
            throw new InvalidOperationException("The notify queue is closed.");
        }
    }
}
