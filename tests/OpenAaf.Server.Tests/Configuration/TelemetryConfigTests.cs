using OpenAaf.Server.Configuration;

namespace OpenAaf.Server.Tests.Configuration;

/// <summary>The <c>telemetry</c> section: an OTLP endpoint for traces, validated like every other setting.</summary>
public sealed class TelemetryConfigTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void NoSection_ExportsNoTraces()
    {
        var result = Load("""{ }""");

        ConfigAssert.Valid(result);
        Assert.Equal(TelemetrySettings.None, result.Settings!.Telemetry);
        Assert.Null(result.Settings.Telemetry.TracesEndpoint);
    }

    [Fact]
    public void GrpcEndpoint_IsTheDefaultProtocol_AndUsedAsGiven()
    {
        var result = Load("""{ "telemetry": { "otlpEndpoint": "http://collector.example:4317" } }""");

        ConfigAssert.Valid(result);
        Assert.Equal(OtlpProtocol.Grpc, result.Settings!.Telemetry.OtlpProtocol);
        Assert.Equal(new Uri("http://collector.example:4317"), result.Settings.Telemetry.TracesEndpoint);
    }

    [Fact]
    public void HttpEndpoint_IsABaseUrl_ForTheTracesPath()
    {
        var result = Load("""{ "Telemetry": { "OtlpEndpoint": "https://collector.example:4318/otel/", "otlpProtocol": "HTTP/protobuf" } }""");

        ConfigAssert.Valid(result);
        Assert.Equal(new Uri("https://collector.example:4318/otel/v1/traces"), result.Settings!.Telemetry.TracesEndpoint);
    }

    [Fact]
    public void EnvironmentOverride_SetsTheEndpoint()
    {
        var result = Load("""{ }""", ("OPENAAF_Telemetry__OtlpEndpoint", "http://127.0.0.1:4317"));

        ConfigAssert.Valid(result);
        Assert.Equal(new Uri("http://127.0.0.1:4317"), result.Settings!.Telemetry.OtlpEndpoint);
    }

    [Theory]
    [InlineData("""{ "otlpEndpoint": "collector:4317" }""", "telemetry.otlpEndpoint", "is not an absolute http:// or https:// URL")]
    [InlineData("""{ "otlpEndpoint": "ftp://collector.example" }""", "telemetry.otlpEndpoint", "is not an absolute http:// or https:// URL")]
    [InlineData("""{ "otlpEndpoint": "" }""", "telemetry.otlpEndpoint", "is not an absolute http:// or https:// URL")]
    [InlineData("""{ "otlpEndpoint": 4317 }""", "telemetry.otlpEndpoint", "expected a string")]
    [InlineData("""{ "otlpEndpoint": "http://user:pw@collector.example:4317" }""", "telemetry.otlpEndpoint", "must not carry credentials")]
    [InlineData("""{ "otlpEndpoint": "http://collector.example:4317/v1/traces" }""", "telemetry.otlpEndpoint", "a gRPC endpoint has no path")]
    [InlineData("""{ "otlpEndpoint": "http://collector.example:4317", "otlpProtocol": "thrift" }""", "telemetry.otlpProtocol", "unknown protocol \"thrift\"")]
    [InlineData("""{ "otlpEndpoint": "http://collector.example:4317", "sampling": 0.5 }""", "telemetry.sampling", "unknown key")]
    [InlineData("""[ "http://collector.example:4317" ]""", "telemetry", "expected an object")]
    public void BadSettings_AreOneErrorEach(string section, string path, string message) =>
        ConfigAssert.SingleError(Load($$"""{ "telemetry": {{section}} }"""), path, message);

    private ConfigLoadResult Load(string json, params (string Name, string Value)[] variables) => _dir.Load(json, variables);
}
