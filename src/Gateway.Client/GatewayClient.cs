using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Client.Http;
using Gateway.Client.Problems;

namespace Gateway.Client;

/// <summary>
/// The gateway's <c>/v1</c> API, typed. Register it with <c>services.AddGatewayClient(…)</c> and inject it.
/// Every POST carries an <c>Idempotency-Key</c> (yours, or a new random one), so a retried POST is
/// answered from the gateway's record rather than acted on twice. Errors throw
/// <see cref="GatewayProblemException"/> with the gateway's stable <c>code</c>.
/// </summary>
public sealed partial class GatewayClient
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
    private readonly HttpClient _http;

    /// <summary>Created by <c>IHttpClientFactory</c>; see <c>AddGatewayClient</c>.</summary>
    public GatewayClient(HttpClient http)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync<T>(request, cancellationToken);
    }

    private async Task<T> PostAsync<T>(string path, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json),
        };
        request.Headers.Add(SafeRetry.IdempotencyKeyHeader, idempotencyKey ?? NewIdempotencyKey());
        return await SendAsync<T>(request, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await GatewayProblemException.FromResponseAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new GatewayProblemException((int)response.StatusCode, "invalid_response", "The gateway answered an empty body.");
    }

    internal static string NewIdempotencyKey() => "gwc_" + Guid.NewGuid().ToString("N");

    private static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }
}
