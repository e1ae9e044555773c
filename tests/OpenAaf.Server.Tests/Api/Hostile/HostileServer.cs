using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api.Hostile;

/// <summary>A LOCAL-users server whose log is captured, and the API routes it serves.</summary>
public sealed class HostileServer : IDisposable
{
    private readonly OpenAafFactory _base;

    public HostileServer() : this(OpenAafFactory.WithLocalUsers())
    {
    }

    internal HostileServer(OpenAafFactory factory)
    {
        _base = factory;
        Factory = _base.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(Log)));
        Client = new ApiClient(Factory.CreateClient());
    }

    public LogCapture Log { get; } = new();
    public WebApplicationFactory<Program> Factory { get; }
    public ApiClient Client { get; }

    /// <summary>"VERB /path/template" of every /api/v1 route the running server maps, sorted.</summary>
    public IReadOnlyList<string> Routes() => Routes(Factory.Services);

    public static IReadOnlyList<string> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(verb => $"{verb} {e.RoutePattern.RawText}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        Factory.Dispose();
        _base.Dispose();
    }
}
