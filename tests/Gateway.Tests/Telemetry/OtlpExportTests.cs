using Gateway.Abstractions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gateway.Telemetry.Tests;

/// <summary>
/// <c>Gateway:Telemetry:Otlp:Endpoint</c> reaches a collector with every signal: http/protobuf on the standard
/// per-signal paths, gRPC on the collector's services. Checked against a real loopback receiver.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task HttpProtobuf_PostsEachSignalToItsOwnPath()
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: false);

        await ExportOneOfEachAsync(receiver.Endpoint, "http/protobuf");

        var paths = receiver.Exports.Select(e => e.Path).ToHashSet();
        Assert.Contains("/v1/traces", paths);
        Assert.Contains("/v1/metrics", paths);
        Assert.Contains("/v1/logs", paths);
        Assert.DoesNotContain("/", paths);
        Assert.All(receiver.Exports, e => Assert.Equal("application/x-protobuf", e.ContentType));
    }

    [Fact]
    public async Task HttpProtobuf_KeepsAPathPrefixOfTheEndpoint()
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: false);

        await ExportOneOfEachAsync(receiver.Endpoint + "/otlp/", "http/protobuf");

        Assert.Contains("/otlp/v1/traces", receiver.Exports.Select(e => e.Path));
    }

    [Fact]
    public async Task Grpc_CallsTheCollectorServices()
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: true);

        await ExportOneOfEachAsync(receiver.Endpoint, "grpc");

        var paths = receiver.Exports.Select(e => e.Path).ToHashSet();
        Assert.Contains("/opentelemetry.proto.collector.trace.v1.TraceService/Export", paths);
        Assert.Contains("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", paths);
        Assert.Contains("/opentelemetry.proto.collector.logs.v1.LogsService/Export", paths);
        Assert.All(receiver.Exports, e => Assert.StartsWith("application/grpc", e.ContentType));
    }

    [Theory]
    [InlineData("http://collector:4318", "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", "http://collector:4318/v1/traces")]
    [InlineData("https://otel.example/otlp", "https://otel.example/otlp/v1/traces")]
    public void HttpProtobuf_EndpointGetsTheSignalPath(string endpoint, string expected)
        => Assert.Equal(new Uri(expected), OtlpEndpoints.For(new Uri(endpoint), OtlpExportProtocol.HttpProtobuf, "v1/traces"));

    [Fact]
    public void Grpc_EndpointIsUsedAsGiven()
        => Assert.Equal(new Uri("http://collector:4317"), OtlpEndpoints.For(new Uri("http://collector:4317"), OtlpExportProtocol.Grpc, "v1/traces"));

    [Fact]
    public void Console_IsOffUnlessAskedFor()
    {
        Assert.False(new TelemetryOptions().Console);
        Assert.DoesNotContain("console-off-span", SpanConsoleOutput(console: null, "console-off-span"));
        Assert.Contains("console-on-span", SpanConsoleOutput(console: "true", "console-on-span"));
    }

    private static async Task ExportOneOfEachAsync(string endpoint, string protocol)
    {
        var services = BuildServices(new()
        {
            ["Gateway:Telemetry:Otlp:Endpoint"] = endpoint,
            ["Gateway:Telemetry:Otlp:Protocol"] = protocol,
            ["Gateway:Telemetry:Prometheus"] = "false",
        });
        var tracer = services.GetRequiredService<TracerProvider>();
        var meter = services.GetRequiredService<MeterProvider>();
        var logger = services.GetRequiredService<ILogger<OtlpExportTests>>();
        var metrics = services.GetRequiredService<GatewayMetrics>();

        using (var activity = GatewayActivitySource.Instance.StartActivity("otlp-test"))
        {
            Assert.NotNull(activity);
            logger.LogWarning("an OTLP test record");
        }

        metrics.BulkheadRejected("otlp-test", "full");

        // Disposing flushes every provider's pending batch to the receiver.
        await services.DisposeAsync();
        Assert.NotNull(tracer);
        Assert.NotNull(meter);
    }

    private static ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddSingleton<GatewayMetrics>();
        services.AddGatewayTelemetry(configuration);
        return services.BuildServiceProvider();
    }

    // The console exporter writes when a span ends; a unique span name keeps other tests' output out of it.
    private static string SpanConsoleOutput(string? console, string spanName)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            using var services = BuildServices(new() { ["Gateway:Telemetry:Console"] = console, ["Gateway:Telemetry:Prometheus"] = "false" });
            _ = services.GetRequiredService<TracerProvider>();
            GatewayActivitySource.Instance.StartActivity(spanName)?.Dispose();
        }
        finally
        {
            Console.SetOut(original);
        }

        return output.ToString();
    }
}
