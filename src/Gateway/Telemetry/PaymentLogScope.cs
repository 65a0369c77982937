namespace Gateway.Telemetry;

/// <summary>
/// A logging scope carrying the payment id as a structured property, so every record written while a
/// payment is handled (host or plugin) can be found by <c>PaymentId</c>, next to the trace and span ids
/// that activity tracking adds.
/// </summary>
internal static class PaymentLogScope
{
    public static IDisposable? Begin(ILogger logger, string paymentId)
        => logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = paymentId });
}
