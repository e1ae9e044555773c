using System.Diagnostics.Metrics;
using OpenAaf.Core.Auditing;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Telemetry;
using OpenAaf.Server.Configuration;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OpenAaf.Server.Telemetry;

/// <summary>
/// Observability (docs/observability.md): the <c>OpenAaf</c> meter with ASP.NET Core's and the runtime's,
/// scraped in the Prometheus text format at <see cref="MetricsPath"/>; spans of the <c>OpenAaf</c> source and
/// of ASP.NET Core exported over OTLP when <c>telemetry.otlpEndpoint</c> is set. Core's services are
/// instrumented by decorating their registrations, so the code being measured does not change.
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";
    public const string ServiceName = "openaaf";

    /// <summary>Call after every other registration: it wraps the methods, the audit sink, the lockout store and the directories.</summary>
    public static IServiceCollection AddOpenAafTelemetry(this IServiceCollection services, TelemetrySettings settings)
    {
        services.AddSingleton<OpenAafMetrics>();
        services.AddSingleton<SessionGauges>();
        services.Decorate<IAuthenticationMethod>((inner, sp) => new InstrumentedAuthenticationMethod(inner, sp.GetRequiredService<OpenAafMetrics>()));
        services.Decorate<IAuditSink>((inner, sp) =>
            new InstrumentedAuditSink(inner, sp.GetRequiredService<OpenAafMetrics>(), sp.GetRequiredService<ILoggerFactory>()));
        services.Decorate<ILockoutStore>((inner, sp) => new InstrumentedLockoutStore(inner, sp.GetRequiredService<OpenAafMetrics>()));
        services.Decorate<IUserDirectoryFactory>((inner, sp) => new InstrumentedUserDirectoryFactory(inner, sp.GetRequiredService<OpenAafMetrics>()));

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: OpenAafTelemetry.Version))
            .WithMetrics(metrics => metrics
                .AddMeter(OpenAafTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        services.ConfigureOpenTelemetryMeterProvider((sp, metrics) => metrics.AddView(OnlyThisHost(sp.GetRequiredService<IMeterFactory>())));
        if (settings.TracesEndpoint is { } endpoint)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(OpenAafTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = http => http.Request.Path != MetricsPath)
                .AddOtlpExporter(options =>
                {
                    options.Endpoint = endpoint;
                    options.Protocol = settings.OtlpProtocol == OtlpProtocol.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                }));
        }
        return services;
    }

    /// <summary>
    /// Drops the instruments of meters that another host's <see cref="IMeterFactory"/> created. OpenTelemetry
    /// subscribes to meters by name across the process, so without this a process running several servers
    /// (the tests do) would report every server's logons on each server's <c>/metrics</c>. Process-wide meters
    /// (the runtime's) have no factory and stay.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory factory) =>
        instrument => instrument.Meter.Scope is IMeterFactory other && other != factory ? MetricStreamConfiguration.Drop : null;

    /// <summary>Maps the scrape endpoint and starts the gauges over the session stores.</summary>
    public static void MapTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<SessionGauges>();
        app.MapPrometheusScrapingEndpoint(MetricsPath);
    }
}
