using Gateway.Abstractions.Payments;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    // Only ids and codes are logged: never a key, a signature, a body or a decrypted resource.
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "WeChat Pay v3 {Operation} for payment {PaymentId} on {Instance} refused: {Code} ({Kind}).")]
        public static partial void ProviderRefused(ILogger logger, string operation, string instance, string paymentId, string code, ProviderErrorKind kind);

        [LoggerMessage(2, LogLevel.Warning, "WeChat Pay v3 {Operation} for payment {PaymentId} on {Instance} returned an untrusted reply: {Code}.")]
        public static partial void UntrustedReply(ILogger logger, string operation, string instance, string paymentId, string code);

        [LoggerMessage(3, LogLevel.Warning, "WeChat Pay v3 {Operation} for payment {PaymentId} on {Instance} failed in transport: {ErrorType}.")]
        public static partial void TransportFailed(ILogger logger, string operation, string instance, string paymentId, string errorType);

        [LoggerMessage(4, LogLevel.Information, "WeChat Pay v3 order placed for payment {PaymentId} on {Instance}.")]
        public static partial void OrderPlaced(ILogger logger, string paymentId, string instance);

        [LoggerMessage(5, LogLevel.Warning, "WeChat Pay v3 notify on {Instance} rejected: {Code}: {Reason}")]
        public static partial void NotifyRejected(ILogger logger, string instance, string code, string reason);
    }
}
