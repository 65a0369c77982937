using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.Client.Problems;

/// <summary>
/// The gateway refused a call: an RFC 7807 problem with the gateway's stable <see cref="Code"/>
/// (e.g. <c>duplicate_merchant_order</c>, see <see cref="ProblemCodes"/>), the provider's own code when it
/// gave one, and every bad field for <c>invalid_request</c>.
/// </summary>
public sealed class GatewayProblemException : Exception
{
    /// <summary>A problem the client builds itself (e.g. a reply that is not a problem document).</summary>
    public GatewayProblemException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The stable machine code; branch on this, not on the message.</summary>
    public string Code { get; }

    /// <summary>The problem's <c>title</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The problem's <c>detail</c>.</summary>
    public string? Detail { get; init; }

    /// <summary>The provider's own error code (<c>provider_rejected</c>), e.g. WeChat's <c>ORDERPAID</c>.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>The payment the refusal concerns, when one was written (it is then <c>failed</c>).</summary>
    public string? PaymentId { get; init; }

    /// <summary>Bad fields and their messages (<c>invalid_request</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>How long to wait before trying again (<c>rate_limited</c>), from <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    internal static async Task<GatewayProblemException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var retryAfter = response.Headers.RetryAfter?.Delta;
        ProblemDocument? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<ProblemDocument>(GatewayClient.Json, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // Not a problem document (a proxy's error page, say): reported by status alone below.
        }

        var code = problem?.Code ?? $"http_{status}";
        var title = problem?.Title ?? response.ReasonPhrase;
        return new GatewayProblemException(status, code, $"{code} ({status}): {problem?.Detail ?? title}")
        {
            Title = title,
            Detail = problem?.Detail,
            ProviderCode = problem?.ProviderCode,
            PaymentId = problem?.PaymentId,
            Errors = problem?.Errors ?? new Dictionary<string, string[]>(),
            RetryAfter = retryAfter,
        };
    }

    private sealed record ProblemDocument(string? Code, string? Title, string? Detail, string? ProviderCode, string? PaymentId, Dictionary<string, string[]>? Errors);
}
