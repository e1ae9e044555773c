using OpenAaf.Core.Directories;
using OpenAaf.Core.Endpoints;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Directory;

using OpenAaf.Server.Api.Endpoints;
using OpenAaf.Server.Api.Enrollment;
using OpenAaf.Server.Api.Logon;
using OpenAaf.Server.Api.LogonMethods;
using OpenAaf.Server.Configuration;
using OpenAaf.Storage;

namespace OpenAaf.Server.Hosting;

/// <summary>How the server is put together: configuration, services, pipeline, start-up.</summary>
public static class OpenAafHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Loads and validates the configuration and registers every service; false after printing every error.</summary>
    public static bool TryConfigure(WebApplicationBuilder builder) => TryConfigure(builder, DirectoryStackCheck.Problem, Console.Error);

    /// <param name="directoryStackProblem">The start-up check of the LDAP timeout mechanism (tests pass a failing one).</param>
    internal static bool TryConfigure(WebApplicationBuilder builder, Func<string?> directoryStackProblem, TextWriter errors)
    {
        var configPath = builder.Configuration["config"];
        var loaded = ConfigFileLoader.Load(configPath is null ? [] : ["--config", configPath]);
        if (!loaded.IsValid)
        {
            foreach (var error in loaded.Errors) errors.WriteLine($"configuration error: {error}");
            return false;
        }
        if (directoryStackProblem() is { } problem)
        {
            errors.WriteLine($"start-up error: {problem}");
            return false;
        }
        var settings = loaded.Settings!;
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
            builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The per-route limits of api.md §1.7 are enforced while reading; this only stops the absurd.
            kestrel.Limits.MaxRequestBodySize = Http.ApiRequest.LargeBodyLimit + 1;
        });
        HttpsSetup.Apply(builder, settings.Https);

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddOpenAafCore();
        builder.Services.AddOpenAafConfiguration(settings, loaded.Document!);
        builder.Services.AddOpenAafSqliteStorage(settings.ConnectionString);
        builder.Services.AddSingleton<IUserDirectoryFactory, LdapUserDirectoryFactory>();
        builder.Services.AddSingleton<IEndpointCatalog>(sp => sp.GetRequiredService<ConfigurationService>());
        builder.Services.AddHostedService<SessionPruner>();
        return true;
    }

    public static void MapApi(WebApplication app)
    {
        app.UseStatusCodePages(ApiErrorMiddleware.WriteStatusCodeEnvelopeAsync);
        app.UseMiddleware<ApiErrorMiddleware>();
        app.MapHealth();
        app.MapEndpointsApi();
        app.MapLogonApi();
        app.MapLogonSessionsApi();
        app.MapEnrollApi();
        app.MapTemplatesApi();
        app.MapUsersApi();
        app.MapTemplateTestApi();
        app.MapPortalApi();
        app.MapTotpGeneratorApi();
        app.MapFido2SubProtocolApi();
    }

    /// <summary>Migrates storage, checks the master key, applies the bootstrap, then reports ready.</summary>
    public static async Task InitializeAsync(WebApplication app)
    {
        await app.Services.InitializeOpenAafStorageAsync();
        await app.Services.InitializeOpenAafConfigurationAsync();
        HealthApi.WarnAboutClearTextRepositories(app.Services, app.Logger);
        app.Services.GetRequiredService<Readiness>().MarkReady();
        var settings = app.Services.GetRequiredService<OpenAafSettings>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            app.Logger.LogInformation("OpenAAF listening on {Urls}; {Settings}", string.Join(", ", app.Urls), settings.Describe());
            if (settings.DemoCredentialsPath is { } demo)
                app.Logger.LogInformation("Demo administrator and endpoint credentials are in {Path}", Path.GetFullPath(demo));
        });
    }
}

