using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// Fifty wrong LDAP passwords for one user at once run three binds against a real slapd, and no more (issue 7,
/// defect 2). Binds are counted where the engine hands them to the directory.
/// </summary>
public sealed class SlapdParallelGuessingTests : IAsyncLifetime
{
    private const int Guesses = 50;
    private readonly SlapdFixture _slapd = new();
    private readonly Rendezvous _binds = new(Guesses, TimeSpan.FromSeconds(1));
    private KestrelServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        await _slapd.InitializeAsync();
        _server = new KestrelServer(new OpenAafFactory(DirectoryServers.Bootstrap(DirectoryServers.Slapd(_slapd))),
            services => services.CountBinds(_binds));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _slapd.DisposeAsync();
    }

    [Fact]
    public async Task FiftyWrongPasswordsAtOnce_RunThreeBinds()
    {
        var processes = new List<(string Session, string Id)>();
        for (var i = 0; i < Guesses; i++)
        {
            var session = await _server.Api.NewEndpointSessionAsync();
            var (_, started) = await _server.Api.StartLogonAsync(session, "EXAMPLE\\denis", "LDAP_PASSWORD:1", "Search Card");
            processes.Add((session, started.GetProperty("logon_process_id").GetString()!));
        }

        var replies = await Task.WhenAll(processes.Select(p => _server.Api.AnswerAsync(p.Session, p.Id, "wrong")));
        var right = await _server.Api.LogonAsync(processes[0].Session, "EXAMPLE\\denis", "Passw0rd!", "LDAP_PASSWORD:1", "Search Card");

        Assert.Equal(3, _binds.Arrivals);
        Assert.Equal(3, replies.Count(r => r.Body.GetProperty("reason").GetString() == "PASSWORD_WRONG"));
        Assert.Equal(Guesses - 3, replies.Count(r => r.Body.GetProperty("reason").GetString() == "USER_LOCKED"));
        Assert.Equal("USER_LOCKED", right.GetProperty("reason").GetString());
    }
}
