using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Gateway.Client.Http;

/// <summary>
/// Which failures are retried. Reads (GET) are retried on any transient failure. A POST is retried only when
/// it carries an <c>Idempotency-Key</c> (the gateway then replays the first answer instead of acting twice),
/// and only when the gateway did nothing or may not have seen it: a lost connection, a timeout, 429 or 503.
/// A 502 (the provider failed) or 500 after a POST is never retried: the payment may be written already.
/// </summary>
internal static class SafeRetry
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static HttpRetryStrategyOptions Options(int maxRetries) => new()
    {
        MaxRetryAttempts = maxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromMilliseconds(500),
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage(), args.Outcome)),
    };

    internal static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        if (request is null || !HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head)
        {
            return true;
        }

        if (request.Method != HttpMethod.Post || !request.Headers.Contains(IdempotencyKeyHeader))
        {
            return false;
        }

        return outcome.Result?.StatusCode is null or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout;
    }
}
