namespace OpenAaf.Server.Configuration;

/// <summary>How OTLP exporters send: gRPC (port 4317 by convention) or protobuf over HTTP (port 4318).</summary>
public enum OtlpProtocol { Grpc, HttpProtobuf }

/// <summary>
/// The <c>telemetry</c> section. Metrics are always scraped at <c>/metrics</c>; traces are exported over OTLP
/// only when <see cref="OtlpEndpoint"/> is set.
/// </summary>
public sealed record TelemetrySettings(Uri? OtlpEndpoint, OtlpProtocol OtlpProtocol = OtlpProtocol.Grpc)
{
    public static readonly TelemetrySettings None = new(OtlpEndpoint: null);

    /// <summary>
    /// Where spans are sent: the endpoint itself for gRPC; for HTTP, the endpoint as a base URL with
    /// <c>/v1/traces</c> appended, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is read.
    /// </summary>
    public Uri? TracesEndpoint => OtlpEndpoint is not { } endpoint ? null
        : OtlpProtocol == OtlpProtocol.Grpc ? endpoint
        : new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/v1/traces");
}
