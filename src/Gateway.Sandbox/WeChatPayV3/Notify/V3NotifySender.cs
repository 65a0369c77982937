using System.Text;
using Gateway.Sandbox.Faults;
using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPayV3.Platform;
using Gateway.Sandbox.WeChatPayV3.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPayV3.Notify;

/// <summary>
/// Sends the v3 payment notify with WeChat's retry schedule. The body is the same on every attempt; the signature
/// headers are made afresh for each (so a late retry still carries a current timestamp). Only the HTTP status
/// counts: 2xx is received, anything else is sent again. The merchant's notify faults (drop, delay, duplicate) apply
/// as on v2. REF: docs/protocols.md §G3.g.
/// </summary>
internal sealed partial class V3NotifySender(
    V3NotifyQueue queue,
    NotifyPoster poster,
    NotifyFaults faults,
    V3Platform platform,
    V3Replies replies,
    IOptions<WeChatPaySandboxOptions> options,
    TimeProvider time,
    ILogger<V3NotifySender> logger) : NotifyDispatcher<SandboxOrder>(queue.Reader)
{
    protected override async Task DeliverAsync(SandboxOrder order, CancellationToken stoppingToken)
    {
        var terms = order.Snapshot(time.GetUtcNow()).Terms;
        try
        {
            if (!platform.Merchants.TryGetValue(terms.MchId, out var merchant))
            {
                throw new InvalidOperationException($"Merchant {terms.MchId} has no APIv3 settings.");
            }

            var body = TransactionNotifyMessage.Build(order.Snapshot(time.GetUtcNow()), merchant);
            var bytes = Encoding.UTF8.GetBytes(body);
            var schedule = options.Value.NotifyRetrySchedule ?? WeChatPaySandboxOptions.DefaultNotifyRetrySchedule;
            var plan = await faults.BeforeSendAsync(terms.MchId, stoppingToken).ConfigureAwait(false);
            if (plan.Drop)
            {
                order.FinishNotify(NotifyStatus.Dropped);
                return;
            }

            Task<NotifyAttempt> Send(int number) => poster.SendAsync(number, terms.NotifyUrl,
                () => Content(body, replies.Headers(platform.SerialFor(merchant), bytes)), _ => true, options.Value.NotifyTimeout, stoppingToken);
            var storm = plan.Send(Send, order.RecordNotifyAttempt);
            var delivered = await NotifyRetryLoop.RunAsync(schedule, Send, order.RecordNotifyAttempt, time, stoppingToken).ConfigureAwait(false);
            await storm.ConfigureAwait(false);
            order.FinishNotify(delivered is null ? NotifyStatus.GaveUp : NotifyStatus.Delivered);
            LogFinished(terms.MchId, terms.OutTradeNo, delivered);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        catch (Exception ex)
        {
            // A bug must not take the whole sender down with it; the order shows it as given up.
            order.FinishNotify(NotifyStatus.GaveUp);
            LogCrashed(ex, terms.MchId, terms.OutTradeNo);
        }
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

    [LoggerMessage(EventId = 21, Level = LogLevel.Information,
        Message = "Sandbox v3 notify for order {OutTradeNo} of merchant {MchId} finished; delivered on attempt {Attempt}.")]
    private partial void LogFinished(string mchId, string outTradeNo, int? attempt);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Sandbox v3 notify for order {OutTradeNo} of merchant {MchId} crashed.")]
    private partial void LogCrashed(Exception exception, string mchId, string outTradeNo);
}
