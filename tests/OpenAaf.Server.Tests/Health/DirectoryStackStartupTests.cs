using Microsoft.AspNetCore.Builder;
using OpenAaf.Directory;
using OpenAaf.Server.Hosting;
using OpenAaf.Server.Tests.Configuration;

namespace OpenAaf.Server.Tests.Health;

/// <summary>Without the LDAP timeout mechanism the server refuses to start, with one line, before it listens.</summary>
public sealed class DirectoryStackStartupTests
{
    private sealed class ConnectionWithoutNativeHandle;

    private static WebApplicationBuilder Builder(ConfigTestDirectory directory)
    {
        var data = Path.Combine(directory.Path, "data");
        var config = directory.Write("openaaf.json", $$"""
            { "storage": { "provider": "sqlite", "connectionString": "Data Source={{data}}/openaaf.db", "dataDirectory": "{{data}}" } }
            """);
        return WebApplication.CreateBuilder(["--config", config]);
    }

    [Fact]
    public void A_missing_native_handle_is_one_start_up_error_line()
    {
        using var directory = new ConfigTestDirectory();
        var errors = new StringWriter();

        var started = OpenAafHost.TryConfigure(Builder(directory),
            () => DirectoryStackCheck.Problem(typeof(ConnectionWithoutNativeHandle)), errors);

        Assert.False(started);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("start-up error: the LDAP timeout mechanism is unavailable", line);
        Assert.Contains("_ldapHandle", line);
    }

    [Fact]
    public void The_installed_directory_stack_passes()
    {
        using var directory = new ConfigTestDirectory();
        var errors = new StringWriter();
        Assert.True(OpenAafHost.TryConfigure(Builder(directory), DirectoryStackCheck.Problem, errors));
        Assert.Equal("", errors.ToString());
    }
}
