using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Gateway.Client.Http.Tests;

/// <summary>Answers each request with the next scripted reply and records what was sent (headers and body).</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _replies = new();

    public ConcurrentQueue<Sent> Requests { get; } = new();

    public ScriptedHandler Reply(HttpStatusCode status, string json, string contentType = "application/json", Action<HttpResponseMessage>? tweak = null)
    {
        _replies.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, contentType) };
            tweak?.Invoke(response);
            return response;
        });
        return this;
    }

    public ScriptedHandler Drop()
    {
        _replies.Enqueue(() => throw new HttpRequestException("connection reset"));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new Sent(
            request.Method, request.RequestUri!.PathAndQuery, body,
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            request.Headers.Authorization?.ToString()));
        if (!_replies.TryDequeue(out var reply))
        {
            throw new InvalidOperationException("No scripted reply left.");
        }

        var response = reply();
        response.RequestMessage = request;
        return response;
    }

    public sealed record Sent(HttpMethod Method, string PathAndQuery, string? Body, string? IdempotencyKey, string? Authorization);
}
