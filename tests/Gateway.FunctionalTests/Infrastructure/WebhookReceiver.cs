using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// A merchant's webhook endpoint on loopback: records every delivery, answers 503 while <see cref="Down"/>,
/// and checks each signature with an HMAC written here, independently of the gateway's signer.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Url = $"http://127.0.0.1:{port}/hooks";
    }

    public string Url { get; }

    public volatile bool Down;

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>Deliveries that got a 2xx, by event id.</summary>
    public IReadOnlyDictionary<string, int> Acknowledged => Deliveries.Where(d => d.Acknowledged).GroupBy(d => d.EventId).ToDictionary(g => g.Key, g => g.Count());

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = Gateway.TestMode.LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port);
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var ok = !receiver.Down;
            receiver.Deliveries.Enqueue(new Delivery(request.Headers["Gateway-Event-Id"].ToString(), request.Headers["Gateway-Signature"].ToString(), body, ok));
            return ok ? Results.Ok() : Results.StatusCode(503);
        });
        await app.StartAsync();
        return receiver;
    }

    public async Task WaitForAsync(Func<WebhookReceiver, bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Webhook condition not met; deliveries: {string.Join(", ", Deliveries.Select(d => $"{d.EventId}:{d.Acknowledged}"))}");
            }

            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>True when <paramref name="signatureHeader"/> carries a valid v1 for <paramref name="secret"/>.</summary>
    public static bool Verify(string signatureHeader, string body, string secret)
    {
        var parts = signatureHeader.Split(',').Select(p => p.Split('=', 2)).ToList();
        var t = parts.Single(p => p[0] == "t")[1];
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(t + "." + body)).Select(b => b.ToString("x2")));
        return parts.Any(p => p[0] == "v1" && p[1] == expected);
    }


    public sealed record Delivery(string EventId, string Signature, string Body, bool Acknowledged);
}
