using Gateway.Abstractions.Hosting;
using Gateway.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers traces, metrics and log export for the gateway.</summary>
public static class GatewayTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces the shared "Gateway" ActivitySource (host and plugins), ASP.NET Core and HttpClient; exports
    /// the "Gateway" meter and framework metrics; exports logs with their scopes. OTLP when an endpoint is
    /// configured (or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), the console only when asked for.
    /// </summary>
    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>().Bind(section)
            .Validate(o => string.IsNullOrEmpty(o.Otlp.Endpoint) || Uri.TryCreate(o.Otlp.Endpoint, UriKind.Absolute, out _),
                "Gateway:Telemetry:Otlp:Endpoint must be an absolute URL.")
            .Validate(o => o.Otlp.Protocol is "grpc" or "http/protobuf", "Gateway:Telemetry:Otlp:Protocol must be 'grpc' or 'http/protobuf'.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ServiceName), "Gateway:Telemetry:ServiceName must not be empty.")
            .ValidateOnStart();

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrEmpty(options.Otlp.Endpoint) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var console = options.Console;

        // Trace and span ids on every log record, so logs and traces join without extra code.
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(GatewayActivitySource.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsNoise(context.Request.Path))
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter(o => Configure(o, options.Otlp, "v1/traces"));
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter(o => Configure(o, options.Otlp, "v1/metrics"));
                }

                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        if (otlp)
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter(o => Configure(o, options.Otlp, "v1/logs")), o => o.IncludeScopes = true);
        }

        return services;
    }

    // Probes and scrapes every few seconds would drown the traces that matter.
    private static bool IsNoise(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    private static void Configure(OtlpExporterOptions exporter, OtlpOptions options, string signalPath)
    {
        // Only override what configuration says; otherwise the exporter's own OTEL_* handling stands.
        if (!string.IsNullOrEmpty(options.Endpoint))
        {
            exporter.Protocol = options.Protocol == OtlpOptions.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            exporter.Endpoint = OtlpEndpoints.For(new Uri(options.Endpoint), exporter.Protocol, signalPath);
        }
    }
}
