using OpenTelemetry.Exporter;

namespace Gateway.Telemetry;

/// <summary>
/// The URL each signal is exported to. gRPC serves every signal on the collector's base address; http/protobuf
/// has one path per signal (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>), which the exporter appends
/// only for the <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable, never for an endpoint set in code.
/// </summary>
internal static class OtlpEndpoints
{
    public static Uri For(Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        if (protocol != OtlpExportProtocol.HttpProtobuf)
        {
            return endpoint;
        }

        // A collector behind a path prefix (http://host/otlp) keeps the prefix: http://host/otlp/v1/traces.
        var builder = new UriBuilder(endpoint);
        builder.Path = builder.Path.TrimEnd('/') + "/" + signalPath;
        return builder.Uri;
    }
}
