using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// One endpoint holds at most SessionOptions.max_endpoint_sessions endpoint sessions (a new one ends the least
/// recently used) and max_logon_processes logon processes (a start past it is 429 with Retry-After).
/// </summary>
public sealed class EndpointCapsTests : IDisposable
{
    private const string OtherEndpointId = "42424242424242424242424242424242";
    private const string OtherSecret = "12345678";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly OpenAafFactory _factory;
    private readonly ApiClient _api;

    public EndpointCapsTests()
    {
        var bootstrap = OpenAafFactory.Bootstrap(
            new JsonArray(new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") }),
            new JsonArray(new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") }));
        bootstrap["endpoints"]!.AsArray().Add(new JsonObject { ["id"] = OtherEndpointId, ["name"] = "other", ["secret"] = OtherSecret });
        bootstrap["policies"] = new JsonObject
        {
            ["SessionOptions"] = new JsonObject { ["max_endpoint_sessions"] = 3, ["max_logon_processes"] = 2 },
        };
        _factory = new OpenAafFactory(bootstrap, _time);
        _api = new ApiClient(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PastTheSessionCap_TheLeastRecentlyUsedSessionEnds_AndItsProcessesToo()
    {
        // Arrange: s1 is created first but used last, so s2 is the one idle longest.
        var s1 = await NewSessionAsync();
        var s2 = await NewSessionAsync();
        var (_, started) = await _api.StartLogonAsync(s2, "alice");
        var process = started.GetProperty("logon_process_id").GetString()!;
        var s3 = await NewSessionAsync();
        await ReadAsync(s1);
        var other = await _api.NewEndpointSessionAsync(OtherEndpointId, OtherSecret);

        // Act
        var s4 = await NewSessionAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(s1));
        Assert.Equal((HttpStatusCode)433, await ReadAsync(s2));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(s3));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(s4));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(other, OtherEndpointId));
        Assert.Equal((HttpStatusCode)433, (await _api.AnswerAsync(s2, process, "Al1ce!pass")).Status);
    }

    [Fact]
    public async Task PastTheProcessCap_AStartIs429WithRetryAfter_UntilAProcessEnds()
    {
        // Arrange
        var session = await NewSessionAsync();
        var first = (await _api.StartLogonAsync(session, "alice")).Body.GetProperty("logon_process_id").GetString()!;
        await _api.StartLogonAsync(session, "alice");

        // Act
        var refused = await StartRawAsync(session);
        var fromOtherEndpoint = await _api.StartLogonAsync(await _api.NewEndpointSessionAsync(OtherEndpointId, OtherSecret), "alice");
        await _api.SendAsync(HttpMethod.Delete, $"/api/v1/logon/{first}?endpoint_session_id={session}");
        var afterAbort = await _api.StartLogonAsync(session, "alice");

        // Assert
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("TOO_MANY_REQUESTS", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fromOtherEndpoint.Status);
        Assert.Equal(HttpStatusCode.OK, afterAbort.Status);
    }

    private async Task<string> NewSessionAsync()
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        return await _api.NewEndpointSessionAsync();
    }

    private async Task<HttpStatusCode> ReadAsync(string session, string endpointId = OpenAafFactory.EndpointId)
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        return (await _api.SendAsync(HttpMethod.Get, $"/api/v1/endpoints/{endpointId}/sessions/{session}")).Status;
    }

    private Task<HttpResponseMessage> StartRawAsync(string session) =>
        _api.Http.PostAsync("/api/v1/logon", new StringContent(
            $$"""{"user_name":"alice","event":"Authenticators Management","endpoint_session_id":"{{session}}"}"""), TestContext.Current.CancellationToken);
}
