using System.Threading.Channels;
using Gateway.Sandbox.WeChatPay.Orders;

namespace Gateway.Sandbox.WeChatPayV3.Notify;

/// <summary>Paid APIv3 orders waiting for their notify.</summary>
internal sealed class V3NotifyQueue
{
    // Unbounded: a payment must never wait on the notify side, and the sandbox sees few payments.
    private readonly Channel<SandboxOrder> _channel = Channel.CreateUnbounded<SandboxOrder>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<SandboxOrder> Reader => _channel.Reader;

    public void Enqueue(SandboxOrder order)
    {
        if (!_channel.Writer.TryWrite(order))
        {
            throw new InvalidOperationException("The v3 notify queue is closed.");
        }
    }
}
