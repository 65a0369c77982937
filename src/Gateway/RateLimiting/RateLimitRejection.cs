using System.Globalization;
using System.Threading.RateLimiting;
using Gateway.Errors;
using Gateway.Telemetry;
using Microsoft.AspNetCore.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>Answers a refused request: 429 problem with <c>code: rate_limited</c> and <c>Retry-After</c>.</summary>
internal static partial class RateLimitRejection
{
    public static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var policy = context.Request.Path.StartsWithSegments("/notify") ? GatewayRateLimitPolicies.Notify : GatewayRateLimitPolicies.Api;

        context.RequestServices.GetRequiredService<GatewayMetrics>().RateLimitRejected(policy);
        Log.Rejected(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.RateLimiting"), policy, context.Request.Path);

        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = GatewayProblems.Problem(StatusCodes.Status429TooManyRequests, GatewayProblems.RateLimited, "Too many requests.",
            $"Retry after {seconds} second(s).", new Dictionary<string, object?> { ["retryAfter"] = seconds });
        await problem.ExecuteAsync(context);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Rate limit {Policy} refused a request to {Path}")]
        public static partial void Rejected(ILogger logger, string policy, string path);
    }
}
