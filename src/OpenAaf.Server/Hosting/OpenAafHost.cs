using OpenAaf.Core.Auditing;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Endpoints;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Methods;
using OpenAaf.Directory;

using OpenAaf.Server.Api.Endpoints;
using OpenAaf.Server.Api.Enrollment;
using OpenAaf.Server.Api.Logon;
using OpenAaf.Server.Api.LogonMethods;
using OpenAaf.Server.Configuration;
using OpenAaf.Server.Telemetry;
using OpenAaf.Storage;

namespace OpenAaf.Server.Hosting;

/// <summary>How the server is put together: configuration, services, pipeline, start-up.</summary>
public static class OpenAafHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Loads and validates the configuration and registers every service; false after printing every error.</summary>
    public static bool TryConfigure(WebApplicationBuilder builder) => TryConfigure(builder, BuiltInMethods.Catalog);

    /// <summary>As <see cref="TryConfigure(WebApplicationBuilder)"/>, with the methods of <paramref name="methods"/>.</summary>
    public static bool TryConfigure(WebApplicationBuilder builder, MethodCatalog methods) =>
        TryConfigure(builder, methods, DirectoryStackCheck.Problem, Console.Error);

    /// <param name="directoryStackProblem">The start-up check of the LDAP timeout mechanism (tests pass a failing one).</param>
    internal static bool TryConfigure(WebApplicationBuilder builder, Func<string?> directoryStackProblem, TextWriter errors) =>
        TryConfigure(builder, BuiltInMethods.Catalog, directoryStackProblem, errors);

    private static bool TryConfigure(WebApplicationBuilder builder, MethodCatalog methods, Func<string?> directoryStackProblem, TextWriter errors)
    {
        var configPath = builder.Configuration["config"];
        var loaded = ConfigFileLoader.Load(configPath is null ? [] : ["--config", configPath], methods);
        if (!loaded.IsValid) return Refuse(errors, "configuration error", loaded.Errors);
        if (directoryStackProblem() is { } problem) return Refuse(errors, "start-up error", [problem]);
        var settings = loaded.Settings;
        if (HttpsSetup.CheckAddresses(builder.Configuration, settings.Https).ToList() is { Count: > 0 } addressErrors)
            return Refuse(errors, "configuration error", addressErrors);
        if (HttpsSetup.Apply(builder, settings.Https) is { } certificateError) return Refuse(errors, "configuration error", [certificateError]);
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
            builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The per-route limits of api.md §1.7 are enforced while reading; this only stops the absurd.
            kestrel.Limits.MaxRequestBodySize = Http.ApiRequest.LargeBodyLimit + 1;
        });

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddOpenAafCore(methods);
        builder.Services.AddOpenAafConfiguration(settings, loaded.Document!);
        builder.Services.AddOpenAafSqliteStorage(settings.ConnectionString);
        builder.Services.AddSingleton<IUserDirectoryFactory, LdapUserDirectoryFactory>();
        builder.Services.AddSingleton<IEndpointCatalog>(sp => sp.GetRequiredService<ConfigurationService>());
        builder.Services.AddHostedService<SessionPruner>();
        builder.Services.AddOpenAafForwardedHeaders(settings.TrustedProxies);
        builder.Services.AddHttpContextAccessor();
        builder.Services.Decorate<IAuditSink>((inner, sp) => new ClientAddressAuditSink(inner, sp.GetRequiredService<IHttpContextAccessor>()));
        builder.Services.AddOpenAafTelemetry(settings.Telemetry);
        return true;
    }

    private static bool Refuse<T>(TextWriter writer, string kind, IEnumerable<T> errors)
    {
        foreach (var error in errors) writer.WriteLine($"{kind}: {error}");
        return false;
    }

    public static void MapApi(WebApplication app)
    {
        // First: the client address and scheme, then the headers every reply carries, whoever writes it.
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePages(ApiErrorMiddleware.WriteStatusCodeEnvelopeAsync);
        app.UseMiddleware<ApiErrorMiddleware>();
        app.MapHealth();
        app.MapTelemetry();
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
            app.Logger.Listening(string.Join(", ", app.Urls), settings.Describe());
            if (settings.DemoCredentialsPath is { } demo)
                app.Logger.DemoCredentials(Path.GetFullPath(demo));
        });
    }
}

