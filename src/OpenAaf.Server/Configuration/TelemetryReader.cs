namespace OpenAaf.Server.Configuration;

/// <summary>
/// Reads the <c>telemetry</c> section: <c>otlpEndpoint</c> (an absolute http:// or https:// URL; traces are
/// exported there) and <c>otlpProtocol</c> (<c>grpc</c>, the default, or <c>http/protobuf</c>).
/// </summary>
internal static class TelemetryReader
{
    public static TelemetrySettings Read(ConfigObject? telemetry)
    {
        if (telemetry is null) return TelemetrySettings.None;
        var endpointText = telemetry.String("otlpEndpoint");
        var protocol = ReadProtocol(telemetry);
        telemetry.RefuseUnknownKeys();
        if (endpointText is null) return TelemetrySettings.None;

        var path = telemetry.PathOf("otlpEndpoint");
        if (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")
            || endpoint.Host.Length == 0)
        {
            telemetry.Errors.Add(path, $"\"{endpointText}\" is not an absolute http:// or https:// URL");
            return TelemetrySettings.None;
        }
        if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0 || endpoint.UserInfo.Length > 0)
        {
            telemetry.Errors.Add(path, "must not carry credentials, a query or a fragment");
            return TelemetrySettings.None;
        }
        if (protocol == OtlpProtocol.Grpc && endpoint.AbsolutePath != "/")
        {
            telemetry.Errors.Add(path, "a gRPC endpoint has no path (for an HTTP collector set otlpProtocol to \"http/protobuf\")");
            return TelemetrySettings.None;
        }
        return new TelemetrySettings(endpoint, protocol);
    }

    private static OtlpProtocol ReadProtocol(ConfigObject telemetry)
    {
        var text = telemetry.String("otlpProtocol");
        switch (text?.ToLowerInvariant())
        {
            case null or "grpc": return OtlpProtocol.Grpc;
            case "http/protobuf": return OtlpProtocol.HttpProtobuf;
            default:
                telemetry.Errors.Add(telemetry.PathOf("otlpProtocol"), $"unknown protocol \"{text}\" (grpc or http/protobuf)");
                return OtlpProtocol.Grpc;
        }
    }
}
