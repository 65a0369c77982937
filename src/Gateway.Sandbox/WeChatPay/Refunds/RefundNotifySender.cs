using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.Sandbox.WeChatPay.Notify;
using Gateway.Sandbox.WeChatPayV3.Refunds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Refunds;

/// <summary>
/// Ends accepted refunds after their processing time and sends each refund notify on WeChat's retry schedule: v2's XML,
/// or for a refund asked for through APIv3 its signed, encrypted <c>REFUND.*</c> event.
/// </summary>
internal sealed partial class RefundNotifySender(
    RefundNotifyQueue queue, NotifyDelivery delivery, V3RefundNotifyDelivery v3Delivery, MerchantDirectory merchants, IOptions<WeChatPaySandboxOptions> options,
    TimeProvider time, ILogger<RefundNotifySender> logger) : NotifyDispatcher<RefundNotifyJob>(queue.Reader)
{
    protected override async Task DeliverAsync(RefundNotifyJob job, CancellationToken stoppingToken)
    {
        var refund = job.Refund;
        try
        {
            if (job.AfterProcessing)
            {
                await Task.Delay(options.Value.RefundProcessingTime, time, stoppingToken).ConfigureAwait(false);
                if (!refund.TryEnd(RefundStatuses.Success, time.GetUtcNow()))
                {
                    return; // ended by an ops action, which queued its own notify
                }
            }

            if (refund.IsV3)
            {
                LogFinished(refund.OutRefundNo, await v3Delivery.DeliverAsync(job.Order, refund, stoppingToken).ConfigureAwait(false));
                return;
            }

            var snapshot = job.Order.Snapshot(time.GetUtcNow());
            if (refund.NotifyUrl is null || !Uri.TryCreate(refund.NotifyUrl, UriKind.Absolute, out var url)
                || !merchants.TryFind(snapshot.Terms.MchId, out var merchant))
            {
                return;
            }

            var xml = RefundNotifyMessage.Build(snapshot, refund, merchant);
            var schedule = options.Value.NotifyRetrySchedule ?? WeChatPaySandboxOptions.DefaultNotifyRetrySchedule;
            var delivered = await NotifyRetryLoop.RunAsync(schedule, n => delivery.SendAsync(n, url, xml, stoppingToken), _ => { }, time, stoppingToken)
                .ConfigureAwait(false);
            LogFinished(refund.OutRefundNo, delivered);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogCrashed(ex, refund.OutRefundNo);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Sandbox refund notify for {OutRefundNo}: delivered on attempt {Attempt} (null: gave up).")]
    private partial void LogFinished(string outRefundNo, int? attempt);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Sandbox refund notify for {OutRefundNo} crashed.")]
    private partial void LogCrashed(Exception exception, string outRefundNo);
}
