using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace Gateway.Errors;

/// <summary>
/// Turns an outage of the store or of the shared state (Redis) on <c>/v1</c> and <c>/admin</c> into
/// 503 problem+json with <c>Retry-After</c> and a stable code (<c>store_unavailable</c>,
/// <c>state_unavailable</c>), so callers retry instead of guessing at a bare 500. Notifies are not
/// handled here: they answer the provider's own FAIL so the provider retries.
/// </summary>
internal sealed partial class OutageExceptionHandler(ILogger<OutageExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Request.Path;
        if ((!path.StartsWithSegments("/v1") && !path.StartsWithSegments("/admin")) || httpContext.Response.HasStarted || Classify(exception) is not { } code)
        {
            return false;
        }

        Log.Outage(logger, code, path.Value ?? "", exception.GetType().Name);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var title = code == GatewayProblems.StoreUnavailable ? "The payment store is unavailable." : "The shared state (Redis) is unavailable.";
        await GatewayProblems.Problem(StatusCodes.Status503ServiceUnavailable, code, title, $"Nothing was changed by this failure; retry after {RetryAfterSeconds} seconds.")
            .ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The outage code for <paramref name="exception"/> or anything it wraps, or null when it is no outage.</summary>
    public static string? Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RedisException or RedisTimeoutException:
                    return GatewayProblems.StateUnavailable;
                case DbException or TimeoutException:
                    return GatewayProblems.StoreUnavailable;
            }
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 950, Level = LogLevel.Error, Message = "Outage ({Code}) while serving {Path}: {ExceptionType}")]
        public static partial void Outage(ILogger logger, string code, string path, string exceptionType);
    }
}
