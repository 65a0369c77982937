using Gateway.Sandbox.Notify;
using Microsoft.Extensions.Logging;

namespace Gateway.Sandbox.WeChatPay.Notify;

// Log messages name the merchant and order only; the notify body and the merchant key are never logged.
internal sealed partial class NotifySender
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Sandbox notify for order {OutTradeNo} of merchant {MchId} delivered on attempt {Attempt}.")]
    private partial void LogDelivered(string mchId, string outTradeNo, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Sandbox notify attempt {Attempt} for order {OutTradeNo} of merchant {MchId} failed: {Outcome} (HTTP {HttpStatus}) {Error}")]
    private partial void LogAttemptFailed(string mchId, string outTradeNo, int attempt, NotifyOutcome outcome, int? httpStatus, string? error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Sandbox gave up the notify for order {OutTradeNo} of merchant {MchId} after {Attempts} attempts.")]
    private partial void LogGaveUp(string mchId, string outTradeNo, int attempts);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Sandbox notify for order {OutTradeNo} of merchant {MchId} stopped by shutdown.")]
    private partial void LogStoppedByShutdown(string mchId, string outTradeNo);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error,
        Message = "Sandbox notify for order {OutTradeNo} of merchant {MchId} crashed.")]
    private partial void LogDeliveryCrashed(Exception exception, string mchId, string outTradeNo);
}
