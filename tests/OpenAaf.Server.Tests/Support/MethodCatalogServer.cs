using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using OpenAaf.Core.Methods;
using OpenAaf.Server.Hosting;

namespace OpenAaf.Server.Tests.Support;

/// <summary>
/// The real server on a loopback port, put together by <see cref="OpenAafHost"/> as Program.cs does, but with
/// a method catalogue of the test's choosing (WebApplicationFactory runs Program, which has the built-in one).
/// </summary>
public sealed class MethodCatalogServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MethodCatalogServer(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Client = new ApiClient(new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    public string DataDirectory { get; }
    public ApiClient Client { get; }

    public static async Task<MethodCatalogServer> StartAsync(JsonObject bootstrap, MethodCatalog methods)
    {
        var dataDirectory = System.IO.Directory.CreateTempSubdirectory("openaaf-test-").FullName;
        var config = new JsonObject
        {
            ["storage"] = new JsonObject
            {
                ["provider"] = "sqlite",
                ["connectionString"] = $"Data Source={Path.Combine(dataDirectory, "openaaf.db")}",
                ["dataDirectory"] = dataDirectory,
            },
            ["bootstrap"] = bootstrap.DeepClone(),
        };
        var configPath = Path.Combine(dataDirectory, "openaaf.json");
        await File.WriteAllTextAsync(configPath, config.ToJsonString());

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            Args = ["--config", configPath, "--urls", "http://127.0.0.1:0"],
        });
        if (!OpenAafHost.TryConfigure(builder, methods))
            throw new InvalidOperationException("The test configuration was refused; the errors are in the test output.");
        var app = builder.Build();
        OpenAafHost.MapApi(app);
        await OpenAafHost.InitializeAsync(app);
        await app.StartAsync();
        return new MethodCatalogServer(app, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
