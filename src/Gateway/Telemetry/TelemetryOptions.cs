namespace Gateway.Telemetry;

/// <summary>The <c>Gateway:Telemetry</c> section.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The section name.</summary>
    public const string SectionName = "Gateway:Telemetry";

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "gateway";

    /// <summary>The OTLP exporter.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>Also writes every span and metric to the console (about 30 lines a request): for local debugging only.</summary>
    public bool Console { get; set; }

    /// <summary>Serves <c>/metrics</c> in the Prometheus text format.</summary>
    public bool Prometheus { get; set; } = true;
}

/// <summary>The <c>Gateway:Telemetry:Otlp</c> section.</summary>
public sealed class OtlpOptions
{
    /// <summary>
    /// The collector, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c>
    /// (http/protobuf). When empty the exporter is still added if the
    /// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set, and then reads every <c>OTEL_*</c> variable itself.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The gRPC protocol value.</summary>
    public const string Grpc = "grpc";

    /// <summary>The http/protobuf protocol value: one path per signal under <see cref="Endpoint"/>.</summary>
    public const string HttpProtobuf = "http/protobuf";

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = Grpc;
}
