using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OpenAaf.Server.Tests.Support;

/// <summary>
/// The real server in-process over a configuration file written to its own temporary data directory.
/// A second factory over the same directory is a restart.
/// </summary>
public sealed class OpenAafFactory : WebApplicationFactory<Program>
{
    public const string EndpointId = "41414141414141414141414141414141";
    public const string EndpointSecret = "876543210";
    public const string AdminPassword = "Adm1n!Passw0rd";

    private readonly string _configPath;

    /// <param name="telemetry">The configuration file's <c>telemetry</c> section, when the test needs one.</param>
    public OpenAafFactory(JsonObject bootstrap, FakeTimeProvider? time = null, string? dataDirectory = null, JsonObject? policies = null,
        JsonObject? telemetry = null)
    {
        DataDirectory = dataDirectory ?? System.IO.Directory.CreateTempSubdirectory("openaaf-test-").FullName;
        Time = time;
        if (policies is not null) bootstrap["policies"] = policies.DeepClone();
        var config = new JsonObject
        {
            ["storage"] = new JsonObject
            {
                ["provider"] = "sqlite",
                ["connectionString"] = $"Data Source={Path.Combine(DataDirectory, "openaaf.db")}",
                ["dataDirectory"] = DataDirectory,
            },
            ["bootstrap"] = bootstrap,
        };
        if (telemetry is not null) config["telemetry"] = telemetry.DeepClone();
        _configPath = Path.Combine(DataDirectory, "openaaf.json");
        File.WriteAllText(_configPath, config.ToJsonString());
    }

    public string DataDirectory { get; }
    public FakeTimeProvider? Time { get; }

    /// <summary>A bootstrap with LOCAL\ADMIN (FULL ADMINS), the legacy test endpoint, and the given chains and events.</summary>
    public static JsonObject Bootstrap(JsonArray chains, JsonArray events, JsonArray? repositories = null, JsonArray? users = null) => new()
    {
        ["repositories"] = repositories ?? new JsonArray(new JsonObject { ["name"] = "LOCAL", ["type"] = "local" }),
        ["users"] = users ?? new JsonArray(
            new JsonObject { ["repository"] = "LOCAL", ["name"] = "ADMIN", ["password"] = AdminPassword, ["groups"] = new JsonArray("FULL ADMINS") },
            new JsonObject { ["repository"] = "LOCAL", ["name"] = "alice", ["password"] = "Al1ce!pass", ["email"] = "alice@example.test" }),
        ["chains"] = chains,
        ["events"] = events,
        ["endpoints"] = new JsonArray(new JsonObject { ["id"] = EndpointId, ["name"] = "test", ["secret"] = EndpointSecret }),
    };

    /// <summary>The LOCAL-only configuration most API tests use: a password chain on the usual events.</summary>
    public static OpenAafFactory WithLocalUsers(FakeTimeProvider? time = null, JsonObject? policies = null) => new(Bootstrap(
        new JsonArray(new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") }),
        new JsonArray(
            new JsonObject { ["name"] = "Default", ["chains"] = new JsonArray("Password only") },
            new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") })),
        time, policies: policies);

    public static string NewMasterKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("config", _configPath);
        builder.UseEnvironment("Testing");
        if (Time is not null) builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
