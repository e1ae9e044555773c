using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Health;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Hosting;

/// <summary>
/// Liveness and readiness (operations.md "Health"). Ready means: storage migrated and the bootstrap
/// applied, and the database answering now (503 otherwise). The body also names each repository's
/// last known state (a directory outage does not make the server unready: other repositories and
/// methods keep working) and warns of repositories that send passwords in clear text. It carries
/// no URL, no error text and nothing secret.
/// </summary>
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
        app.MapGet("/health/ready", async (Readiness readiness, IStorageHealth storage, IConfigurationSource configuration,
            DirectoryRegistry directories, CancellationToken cancellationToken) =>
        {
            if (!readiness.IsReady) return Report(503, "starting", null, []);
            var storageOk = await readiness.CheckStorageAsync(storage, cancellationToken);
            var repositories = configuration.Current.Repositories
                .Select(r => RepositoryState.Of(r, r.IsDirectory ? directories.Peek(r.Id)?.Reachability : null, storageOk))
                .ToList();
            return Report(storageOk ? 200 : 503, storageOk ? "ready" : "unavailable", storageOk, repositories);
        });
        return app;
    }

    /// <summary>Names every repository whose user binds would travel in clear text, once at start.</summary>
    public static void WarnAboutClearTextRepositories(IServiceProvider services, ILogger logger)
    {
        foreach (var repository in services.GetRequiredService<IConfigurationSource>().Current.Repositories.Where(ClearTextBinds.Applies))
            logger.RepositoryWarning(repository.Name, ClearTextBinds.Warning);
    }

    private static JsonBodyResult Report(int status, string text, bool? storageOk, IReadOnlyList<RepositoryState> repositories) =>
        new(status, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", text); // first key, as operations.md shows it
            if (storageOk is { } ok)
            {
                w.WriteString("storage", ok ? "reachable" : "unreachable");
                w.WriteStartArray("repositories");
                foreach (var repository in repositories) repository.Write(w);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        });

    private sealed record RepositoryState(string Name, string State, DateTimeOffset? LastErrorAt, string? Warning)
    {
        public static RepositoryState Of(RepositoryDefinition repository, DirectoryReachability? directory, bool storageOk)
        {
            // LOCAL lives in the database; a directory nobody needed yet is unknown.
            var reachability = repository.IsDirectory ? directory ?? DirectoryReachability.Unknown
                : new DirectoryReachability(storageOk ? ReachabilityState.Reachable : ReachabilityState.Unreachable, null);
            var state = reachability.State switch
            {
                ReachabilityState.Reachable => "reachable",
                ReachabilityState.Unreachable => "unreachable",
                _ => "unknown",
            };
            return new RepositoryState(repository.Name, state, reachability.LastErrorAt,
                ClearTextBinds.Applies(repository) ? ClearTextBinds.Warning : null);
        }

        public void Write(System.Text.Json.Utf8JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString("name", Name);
            w.WriteString("state", State);
            if (LastErrorAt is { } at) w.WriteString("lastErrorAt", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            if (Warning is not null) w.WriteString("warning", Warning);
            w.WriteEndObject();
        }
    }
}

/// <summary>
/// Set once storage is migrated and the bootstrap applied. Also remembers the last storage check for a
/// second, so that a flood of <c>/health/ready</c> costs one database round trip a second.
/// </summary>
public sealed class Readiness(TimeProvider time)
{
    private static readonly TimeSpan StorageCheckFor = TimeSpan.FromSeconds(1);
    private volatile bool _ready;
    private (long At, bool Ok)? _lastStorageCheck;
    private readonly Lock _gate = new();

    public bool IsReady => _ready;
    public void MarkReady() => _ready = true;

    public async Task<bool> CheckStorageAsync(IStorageHealth storage, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_lastStorageCheck is { } last && time.GetElapsedTime(last.At) < StorageCheckFor) return last.Ok;
        }
        var ok = await storage.CheckAsync(cancellationToken);
        lock (_gate) _lastStorageCheck = (time.GetTimestamp(), ok);
        return ok;
    }
}
