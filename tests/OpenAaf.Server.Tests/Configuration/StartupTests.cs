using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

/// <summary>
/// What an operator sees when the server refuses to start: one <c>configuration error:</c> line per problem on
/// standard error and a non-zero exit, before anything listens; never an unhandled exception.
/// </summary>
public sealed class StartupTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Config(string storage = """{ "provider": "sqlite" }""")
    {
        var data = Path.Combine(_dir.Path, "data").Replace("\\", "\\\\", StringComparison.Ordinal);
        return _dir.Write("openaaf.json", $$"""{ "storage": {{storage.TrimEnd('}', ' ')}}, "dataDirectory": "{{data}}" } }""");
    }

    [Fact]
    public async Task Postgres_InTheFile_IsOneConfigurationErrorAndExitCode1()
    {
        var result = await ServerProcess.RunAsync(_dir.Path, new Dictionary<string, string>(),
            "--config", Config("""{ "provider": "postgres", "connectionString": "Host=db" }"""), "--urls", "http://127.0.0.1:0");

        AssertRefused(result, "configuration error: storage.provider: postgres is not available in this version");
    }

    [Fact]
    public async Task Postgres_FromTheEnvironment_IsOneConfigurationErrorAndExitCode1()
    {
        var result = await ServerProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["OPENAAF_Storage__Provider"] = "postgres" },
            "--config", Config(), "--urls", "http://127.0.0.1:0");

        AssertRefused(result, "configuration error: storage.provider: postgres is not available in this version");
        Assert.Contains("OPENAAF_Storage__Provider", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("http://127.0.0.1:0;https://127.0.0.1:0")]
    public async Task HttpsUrl_WithoutAnHttpsSection_IsOneConfigurationErrorAndExitCode1(string urls)
    {
        var result = await ServerProcess.RunAsync(_dir.Path, new Dictionary<string, string>(), "--config", Config(), "--urls", urls);

        AssertRefused(result, "configuration error: --urls https://127.0.0.1:0 needs the https section");
    }

    [Fact]
    public async Task HttpsUrl_FromAspNetCoreUrls_WithoutAnHttpsSection_IsRefusedToo()
    {
        var result = await ServerProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "https://127.0.0.1:0" },
            "--config", Config());

        AssertRefused(result, "configuration error: --urls https://127.0.0.1:0 needs the https section");
    }

    [Fact]
    public async Task HttpsSection_WithACertificateThatDoesNotLoad_IsOneConfigurationError()
    {
        _dir.Write("server.pfx", "not a certificate");
        var data = Path.Combine(_dir.Path, "data");
        var config = _dir.Write("tls.json", $$"""{ "storage": { "dataDirectory": "{{data}}" }, "https": { "certificate": "server.pfx", "password": "x" } }""");

        var result = await ServerProcess.RunAsync(_dir.Path, new Dictionary<string, string>(), "--config", config, "--urls", "https://127.0.0.1:0");

        AssertRefused(result, "configuration error: https.certificate: cannot be loaded");
    }

    private static void AssertRefused(ServerProcess.Result result, string line)
    {
        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}\n{result.Error}\n{result.Output}");
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith(line, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Output, StringComparison.Ordinal);
    }
}
