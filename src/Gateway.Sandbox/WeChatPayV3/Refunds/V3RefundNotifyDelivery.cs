using System.Text;
using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Refunds;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.Sandbox.WeChatPayV3.Protocol;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPayV3.Refunds;

/// <summary>
/// Sends the <c>REFUND.*</c> notify of an APIv3 order's refund (the refund notify sender hands them over once the refund
/// ended): signed afresh on each attempt, WeChat's retry schedule, only a 2xx counts. REF: docs/protocols.md §G3.g.
/// </summary>
internal sealed class V3RefundNotifyDelivery(NotifyPoster poster, V3Platform platform, V3Replies replies, IOptions<WeChatPaySandboxOptions> options, TimeProvider time)
{
    /// <summary>The attempt it was delivered on; null when it gave up or there is nowhere to send it.</summary>
    public async Task<int?> DeliverAsync(SandboxOrder order, SandboxRefund refund, CancellationToken stoppingToken)
    {
        var snapshot = order.Snapshot(time.GetUtcNow());
        if (refund.NotifyUrl is null || !Uri.TryCreate(refund.NotifyUrl, UriKind.Absolute, out var url)
            || !platform.Merchants.TryGetValue(snapshot.Terms.MchId, out var merchant))
        {
            return null;
        }

        var body = V3RefundNotifyMessage.Build(snapshot, refund, merchant, time.GetUtcNow());
        var bytes = Encoding.UTF8.GetBytes(body);
        var schedule = options.Value.NotifyRetrySchedule ?? WeChatPaySandboxOptions.DefaultNotifyRetrySchedule;
        return await NotifyRetryLoop.RunAsync(
            schedule,
            number => poster.SendAsync(number, url, () => Content(body, replies.Headers(platform.SerialFor(merchant), bytes)),
                _ => true, options.Value.NotifyTimeout, stoppingToken),
            _ => { },
            time,
            stoppingToken).ConfigureAwait(false);
    }

    private static StringContent Content(string body, Dictionary<string, string> headers)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers)
        {
            content.Headers.TryAddWithoutValidation(name, value);
        }

        return content;
    }
}
