using Microsoft.Extensions.Logging;

namespace Acme;

internal sealed partial class AcmeInstance
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Acme {Instance}: order {PaymentId} placed")]
        public static partial void Created(ILogger logger, string instance, string paymentId);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Acme {Instance}: a notify failed signature verification")]
        public static partial void BadSignature(ILogger logger, string instance);
    }
}
