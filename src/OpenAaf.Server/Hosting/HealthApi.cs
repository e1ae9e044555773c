using OpenAaf.Server.Http;

namespace OpenAaf.Server.Hosting;

/// <summary>Liveness and readiness (operations.md "Health").</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "live");
            w.WriteEndObject();
        }));
        app.MapGet("/health/ready", (Readiness readiness) => new JsonBodyResult(readiness.IsReady ? 200 : 503, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", readiness.IsReady ? "ready" : "starting");
            w.WriteEndObject();
        }));
        return app;
    }
}

/// <summary>Set once storage is migrated and the bootstrap applied.</summary>
public sealed class Readiness
{
    private volatile bool _ready;
    public bool IsReady => _ready;
    public void MarkReady() => _ready = true;
}
