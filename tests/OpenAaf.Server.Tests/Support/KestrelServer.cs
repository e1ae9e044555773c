using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OpenAaf.Server.Tests.Support;

/// <summary>
/// The real server on Kestrel at a free loopback port, reached over real sockets: a client that goes away closes a real
/// connection, which the in-memory test server cannot show. <paramref name="services"/> decorates registrations.
/// </summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public KestrelServer(OpenAafFactory factory, Action<IServiceCollection>? services = null)
    {
        Factory = factory;
        _factory = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
            if (services is not null) builder.ConfigureTestServices(services);
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
        Api = new ApiClient(Http);
    }

    public OpenAafFactory Factory { get; }
    public HttpClient Http { get; }
    public ApiClient Api { get; }
    public IServiceProvider Services => _factory.Services;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
