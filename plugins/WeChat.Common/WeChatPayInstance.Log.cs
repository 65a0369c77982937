using Gateway.Abstractions.Payments;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChat.Common;

internal abstract partial class WeChatPayInstance
{
    // Only ids and codes are logged: never the API key, a signed body or a sign.
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "WeChat {Operation} for payment {PaymentId} on {Instance} refused: {Code} ({Kind}).")]
        public static partial void ProviderRefused(ILogger logger, string operation, string instance, string paymentId, string code, ProviderErrorKind kind);

        [LoggerMessage(2, LogLevel.Warning, "WeChat {Operation} for payment {PaymentId} on {Instance} returned an untrusted reply: {Code}.")]
        public static partial void UntrustedReply(ILogger logger, string operation, string instance, string paymentId, string code);

        [LoggerMessage(3, LogLevel.Warning, "WeChat {Operation} for payment {PaymentId} on {Instance} failed in transport: {ErrorType}.")]
        public static partial void TransportFailed(ILogger logger, string operation, string instance, string paymentId, string errorType);

        [LoggerMessage(4, LogLevel.Information, "WeChat order placed for payment {PaymentId} on {Instance}.")]
        public static partial void OrderPlaced(ILogger logger, string paymentId, string instance);

        [LoggerMessage(5, LogLevel.Warning, "WeChat notify on {Instance} rejected: {Code}: {Reason}")]
        public static partial void NotifyRejected(ILogger logger, string instance, string code, string reason);

        [LoggerMessage(6, LogLevel.Error, "WeChat instance {Instance}: refunds are DISABLED: {Reason} Payments are not affected.")]
        public static partial void RefundsDisabled(ILogger logger, string instance, string reason);
    }
}
