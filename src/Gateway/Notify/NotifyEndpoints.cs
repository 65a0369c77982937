using Gateway.Abstractions.Notify;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.Notify;

/// <summary>The provider callback routes <c>/notify/{instance}</c> and <c>/notify/{instance}/refund</c>.</summary>
internal static class NotifyEndpoints
{
    public static void MapNotifyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Limited by NotifyIntakeLimits, which needs the outcome: forged notifies spend their IP's bucket, real ones the instance's.
        var group = endpoints.MapGroup("/notify").AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/{instance}", (string instance, HttpContext context) => HandleAsync(instance, NotifyKind.Payment, context));
        group.MapPost("/{instance}/refund", (string instance, HttpContext context) => HandleAsync(instance, NotifyKind.Refund, context));
    }

    private static async Task<IResult> HandleAsync(string instanceName, NotifyKind kind, HttpContext context)
    {
        var services = context.RequestServices;
        var limits = services.GetRequiredService<NotifyIntakeLimits>();
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (!limits.Admits(ip, instanceName))
        {
            context.Response.Headers.RetryAfter = "1";
            return GatewayProblems.Problem(StatusCodes.Status429TooManyRequests, GatewayProblems.RateLimited, "Too many notifies.", "Retry later.");
        }

        var maxBytes = services.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxNotifyBodyBytes;
        var body = await RequestBodyReader.ReadAsync(context.Request, maxBytes, context.RequestAborted);
        if (body is null)
        {
            return GatewayProblems.Problem(StatusCodes.Status413PayloadTooLarge, GatewayProblems.PayloadTooLarge, "The notify body is too large.", $"At most {maxBytes} bytes.");
        }

        // Kept in the inbox for re-drive; credentials a caller might send are not provider data.
        var headers = context.Request.Headers
            .Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = await services.GetRequiredService<NotifyReceiver>()
            .ReceiveAsync(instanceName, new NotifyRequest(kind, body, context.Request.ContentType, headers), ip, context.RequestAborted);
        if (result is not null)
        {
            limits.Record(ip, instanceName, result.Outcome);
        }

        return result is null
            ? GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "Unknown provider instance.", $"No instance '{instanceName}'.")
            : Results.Text(result.Ack.Body, result.Ack.ContentType, statusCode: result.Ack.StatusCode);
    }
}
