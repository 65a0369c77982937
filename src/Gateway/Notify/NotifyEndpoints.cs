using Gateway.Abstractions.Notify;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.Notify;

/// <summary>The provider callback routes <c>/notify/{instance}</c> and <c>/notify/{instance}/refund</c>.</summary>
internal static partial class NotifyEndpoints
{
    public static void MapNotifyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/notify").AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(GatewayRateLimitPolicies.Notify);
        group.MapPost("/{instance}", (string instance, HttpContext context) => HandleAsync(instance, NotifyKind.Payment, context));
        group.MapPost("/{instance}/refund", (string instance, HttpContext context) => HandleAsync(instance, NotifyKind.Refund, context));
    }

    private static async Task<IResult> HandleAsync(string instanceName, NotifyKind kind, HttpContext context)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<GatewaySnapshotProvider>().Current.Instances.TryGetValue(instanceName, out var instance))
        {
            return GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "Unknown provider instance.", $"No instance '{instanceName}'.");
        }

        var maxBytes = services.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxNotifyBodyBytes;
        var body = await RequestBodyReader.ReadAsync(context.Request, maxBytes, context.RequestAborted);
        if (body is null)
        {
            return GatewayProblems.Problem(StatusCodes.Status413PayloadTooLarge, GatewayProblems.PayloadTooLarge, "The notify body is too large.", $"At most {maxBytes} bytes.");
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new NotifyRequest(kind, body, context.Request.ContentType, headers);
        NotifyAck ack;
        try
        {
            ack = await services.GetRequiredService<NotifyPipeline>().HandleAsync(instance, request, context.RequestAborted);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Store or plugin failure: answer FAIL so the provider retries once we are healthy again.
            Log.Failed(services.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Notify"), instanceName, ex);
            ack = instance.Instance.CreateAck(false, "temporary failure");
        }

        return Results.Text(ack.Body, ack.ContentType, statusCode: ack.StatusCode);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 403, Level = LogLevel.Error, Message = "Notify for instance {Instance} failed; answered FAIL so the provider retries")]
        public static partial void Failed(ILogger logger, string instance, Exception exception);
    }
}
