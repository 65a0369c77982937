using Gateway.Sandbox.Faults;
using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.Sandbox.WeChatPay.Orders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Notify;

/// <summary>
/// Delivers payment notifies with WeChat's retry schedule. Each paid order gets its own delivery loop, so
/// a slow or failing receiver only delays its own retries, never another order's notify.
/// </summary>
internal sealed partial class NotifySender(
    NotifyQueue queue,
    NotifyDelivery delivery,
    NotifyFaults faults,
    MerchantDirectory merchants,
    IOptions<WeChatPaySandboxOptions> options,
    TimeProvider time,
    ILogger<NotifySender> logger) : NotifyDispatcher<SandboxOrder>(queue.Reader)
{
    protected override async Task DeliverAsync(SandboxOrder order, CancellationToken stoppingToken)
    {
        var snapshot = order.Snapshot(time.GetUtcNow());
        var terms = snapshot.Terms;
        try
        {
            if (!merchants.TryFind(terms.MchId, out var merchant))
            {
                throw new InvalidOperationException($"Merchant {terms.MchId} is not configured.");
            }

            // One body for every attempt: WeChat resends the same notification, which is what makes the
            // receiver's idempotency worth testing.
            var xml = PaymentNotifyMessage.Build(snapshot, merchant);
            var schedule = options.Value.NotifyRetrySchedule ?? WeChatPaySandboxOptions.DefaultNotifyRetrySchedule;
            var plan = await faults.BeforeSendAsync(terms.MchId, stoppingToken).ConfigureAwait(false);
            if (plan.Drop)
            {
                order.FinishNotify(NotifyStatus.Dropped);
                return;
            }

            var storm = plan.Send(number => delivery.SendAsync(number, terms.NotifyUrl, xml, stoppingToken), order.RecordNotifyAttempt);
            var delivered = await NotifyRetryLoop.RunAsync(
                schedule,
                number => delivery.SendAsync(number, terms.NotifyUrl, xml, stoppingToken),
                attempt =>
                {
                    order.RecordNotifyAttempt(attempt);
                    if (attempt.Outcome != NotifyOutcome.Delivered)
                    {
                        LogAttemptFailed(terms.MchId, terms.OutTradeNo, attempt.Number, attempt.Outcome, attempt.HttpStatus, attempt.Error);
                    }
                },
                time,
                stoppingToken).ConfigureAwait(false);
            await storm.ConfigureAwait(false);
            if (delivered is { } number)
            {
                order.FinishNotify(NotifyStatus.Delivered);
                LogDelivered(terms.MchId, terms.OutTradeNo, number);
                return;
            }

            order.FinishNotify(NotifyStatus.GaveUp);
            LogGaveUp(terms.MchId, terms.OutTradeNo, schedule.Count + 1);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStoppedByShutdown(terms.MchId, terms.OutTradeNo);
        }
        catch (Exception ex)
        {
            // A bug must not take the whole sender down with it; the order shows it as given up.
            order.FinishNotify(NotifyStatus.GaveUp);
            LogDeliveryCrashed(ex, terms.MchId, terms.OutTradeNo);
        }
    }
}
