using Gateway.Abstractions.Payments;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.PaysApi;

internal sealed partial class PaysApiInstance
{
    // Only ids and codes are logged: never the token, a key, or a signed field set.
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "PaysAPI pay form issued for payment {PaymentId} on {Instance}.")]
        public static partial void FormIssued(ILogger logger, string paymentId, string instance);

        [LoggerMessage(2, LogLevel.Information, "PaysAPI QR code issued for payment {PaymentId} on {Instance}.")]
        public static partial void QrCodeIssued(ILogger logger, string paymentId, string instance);

        [LoggerMessage(3, LogLevel.Information, "PaysAPI refused payment {PaymentId} on {Instance}: {Code} ({Kind}).")]
        public static partial void ProviderRefused(ILogger logger, string paymentId, string instance, string code, ProviderErrorKind kind);

        [LoggerMessage(4, LogLevel.Warning, "PaysAPI call for payment {PaymentId} on {Instance} failed in transport: {ErrorType}.")]
        public static partial void TransportFailed(ILogger logger, string paymentId, string instance, string errorType);

        [LoggerMessage(5, LogLevel.Warning, "PaysAPI notify on {Instance} rejected: {Code}: {Reason}")]
        public static partial void NotifyRejected(ILogger logger, string instance, string code, string reason);
    }
}
