using System.Text;
using Gateway.Sandbox.Faults;
using Gateway.Sandbox.Notify;
using Gateway.Sandbox.PaysApi.Configuration;
using Gateway.Sandbox.PaysApi.Merchants;
using Gateway.Sandbox.PaysApi.Orders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.PaysApi.Notify;

/// <summary>
/// Posts each paid order's notify form to its notify_url on the retry schedule until the merchant answers
/// <c>success</c> (trimmed, any case, like the official demos' <c>success</c>/<c>SUCCESS</c>).
/// </summary>
internal sealed partial class PaysApiNotifySender(
    PaysApiNotifyQueue queue,
    NotifyPoster poster,
    NotifyFaults faults,
    PaysApiMerchants merchants,
    IOptions<PaysApiSandboxOptions> options,
    TimeProvider time,
    ILogger<PaysApiNotifySender> logger) : NotifyDispatcher<PaysApiOrder>(queue.Reader)
{
    protected override async Task DeliverAsync(PaysApiOrder order, CancellationToken stoppingToken)
    {
        var snapshot = order.Snapshot();
        var terms = snapshot.Terms;
        try
        {
            if (!merchants.TryFind(terms.Uid, out var merchant))
            {
                throw new InvalidOperationException($"PaysAPI uid {terms.Uid} is not configured.");
            }

            // The same form on every attempt, so the receiver's idempotency gets tested too.
            var fields = PaysApiNotifyMessage.Build(snapshot, merchant);
            var settings = options.Value;
            var schedule = settings.NotifyRetrySchedule ?? PaysApiSandboxOptions.DefaultNotifyRetrySchedule;
            var plan = await faults.BeforeSendAsync(terms.Uid, stoppingToken).ConfigureAwait(false);
            if (plan.Drop)
            {
                order.FinishNotify(NotifyStatus.Dropped);
                return;
            }

            Task<NotifyAttempt> Send(int number) =>
                poster.SendAsync(number, terms.NotifyUrl, () => new FormUrlEncodedContent(fields), IsSuccess, settings.NotifyTimeout, stoppingToken);
            var storm = plan.Send(Send, order.RecordNotifyAttempt);
            var delivered = await NotifyRetryLoop.RunAsync(
                schedule,
                Send,
                attempt =>
                {
                    order.RecordNotifyAttempt(attempt);
                    if (attempt.Outcome != NotifyOutcome.Delivered)
                    {
                        LogAttemptFailed(terms.Uid, terms.OrderId, attempt.Number, attempt.Outcome, attempt.HttpStatus);
                    }
                },
                time,
                stoppingToken).ConfigureAwait(false);
            await storm.ConfigureAwait(false);
            order.FinishNotify(delivered is null ? NotifyStatus.GaveUp : NotifyStatus.Delivered);
            LogFinished(terms.Uid, terms.OrderId, delivered is not null, delivered ?? schedule.Count + 1);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown; the order keeps showing "pending".
        }
        catch (Exception ex)
        {
            // A bug must not take the whole sender down with it; the order shows it as given up.
            order.FinishNotify(NotifyStatus.GaveUp);
            LogCrashed(ex, terms.Uid, terms.OrderId);
        }
    }

    private static bool IsSuccess(byte[] reply)
        => string.Equals(Encoding.UTF8.GetString(reply).Trim(), "success", StringComparison.OrdinalIgnoreCase);

    // Order ids and outcomes only: never the form, whose key would let a reader replay it.
    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Sandbox PaysAPI notify attempt {Attempt} for order {OrderId} of uid {Uid} failed: {Outcome} (HTTP {HttpStatus}).")]
    private partial void LogAttemptFailed(string uid, string orderId, int attempt, NotifyOutcome outcome, int? httpStatus);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Sandbox PaysAPI notify for order {OrderId} of uid {Uid}: delivered={Delivered} after {Attempts} attempt(s).")]
    private partial void LogFinished(string uid, string orderId, bool delivered, int attempts);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "Sandbox PaysAPI notify for order {OrderId} of uid {Uid} crashed.")]
    private partial void LogCrashed(Exception exception, string uid, string orderId);
}
