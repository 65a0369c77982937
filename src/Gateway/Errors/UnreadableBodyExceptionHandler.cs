using Microsoft.AspNetCore.Diagnostics;

namespace Gateway.Errors;

/// <summary>
/// A body Kestrel could not deliver (<see cref="BadHttpRequestException"/>: the client announced a Content-Length
/// and stopped early, sent too slowly, or too much) is the client's fault, on any route: its own status (400, 408,
/// 413) as problem+json, logged at Information, never a 500 logged as an unhandled error. Nothing was read, so
/// nothing changed. When the client has gone, the answer goes nowhere, which is fine.
/// </summary>
internal sealed partial class UnreadableBodyExceptionHandler(ILogger<UnreadableBodyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        Log.Unreadable(logger, httpContext.Request.Method, httpContext.Request.Path.Value ?? "", bad.StatusCode, bad.Message);
        var (code, title) = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? (GatewayProblems.PayloadTooLarge, "The request body is too large.")
            : (GatewayProblems.InvalidRequest, "The request body could not be read.");
        await GatewayProblems.Problem(bad.StatusCode, code, title, bad.Message).ExecuteAsync(httpContext);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 951, Level = LogLevel.Information, Message = "{Method} {Path}: the request body could not be read ({Status}): {Reason}")]
        public static partial void Unreadable(ILogger logger, string method, string path, int status, string reason);
    }
}
