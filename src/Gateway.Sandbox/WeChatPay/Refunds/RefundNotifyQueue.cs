using System.Threading.Channels;
using Gateway.Sandbox.WeChatPay.Orders;

namespace Gateway.Sandbox.WeChatPay.Refunds;

/// <summary>
/// A refund whose notify is due. <paramref name="AfterProcessing"/>: the refund was just accepted, so it first stays
/// PROCESSING for a while and then succeeds by itself, unless an ops action ended it meanwhile (which sends its own).
/// </summary>
internal sealed record RefundNotifyJob(SandboxOrder Order, SandboxRefund Refund, bool AfterProcessing);

/// <summary>Refund notifies waiting to be sent; drained by <see cref="RefundNotifySender"/>.</summary>
internal sealed class RefundNotifyQueue
{
    private readonly Channel<RefundNotifyJob> _channel = Channel.CreateUnbounded<RefundNotifyJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<RefundNotifyJob> Reader => _channel.Reader;

    public void Enqueue(RefundNotifyJob job)
    {
        if (!_channel.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The refund notify queue is closed.");
        }
    }
}
