using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Gateway.Telemetry.Tests;

/// <summary>
/// A stand-in OTLP collector on loopback: records the path and content type of every export, and answers
/// as a collector would (an empty protobuf body; for gRPC an empty message frame and <c>grpc-status: 0</c>).
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, int port)
    {
        _app = app;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    public ConcurrentQueue<(string Path, string? ContentType)> Exports { get; } = new();

    public static async Task<OtlpReceiver> StartAsync(bool grpc)
    {
        var port = Gateway.TestMode.LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, port);
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            receiver.Exports.Enqueue((context.Request.Path.Value ?? "", context.Request.ContentType));
            if (grpc)
            {
                context.Response.ContentType = "application/grpc";
                context.Response.AppendTrailer("grpc-status", "0");
                await context.Response.Body.WriteAsync(new byte[5]); // uncompressed, zero-length message
            }
            else
            {
                context.Response.ContentType = "application/x-protobuf";
            }
        });
        await app.StartAsync();
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

}
