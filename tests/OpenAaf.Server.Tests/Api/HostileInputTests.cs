using System.Net;
using System.Text.Json;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// Malformed, oversized, wrongly typed and foreign input gets the documented 4xx envelope, never a 500,
/// and the process it aimed at is left intact.
/// </summary>
public sealed class HostileInputTests : IClassFixture<LocalServer>
{
    private readonly ApiClient _api;

    public HostileInputTests(LocalServer server) => _api = server.Client;

    public static TheoryData<string, string> Bodies => new()
    {
        { "{\"user_name\": ", "MALFORMED_JSON" },
        { "[1,2,3]", "VALIDATION_ERROR" },
        { "\"text\"", "VALIDATION_ERROR" },
        { "null", "VALIDATION_ERROR" },
        { "", "VALIDATION_ERROR" },
        { "{}", "VALIDATION_ERROR" },
        { "{\"user_name\": 12, \"endpoint_session_id\": true}", "VALIDATION_ERROR" },
        { "{\"user_name\": {\"a\": 1}, \"endpoint_session_id\": [\"x\"]}", "VALIDATION_ERROR" },
        { "{\"user_name\": \"admin\", \"endpoint_session_id\": \"x\", \"event\": 5, \"method_id\": false}", "VALIDATION_ERROR" },
        { new string('[', 100) + new string(']', 100), "MALFORMED_JSON" },
        { "{\"a\":\"\\ud800\"}", "VALIDATION_ERROR" },
        { "\u00ff\u00fe{}", "MALFORMED_JSON" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task StartLogon_WithABadBody_Is400WithTheEnvelope(string body, string reason)
    {
        var (status, reply) = await _api.SendAsync(HttpMethod.Post, "/api/v1/logon", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertEnvelope(reply, reason);
    }

    [Theory]
    [InlineData("/api/v1/logon")]
    [InlineData("/api/v1/endpoints/41414141414141414141414141414141/sessions")]
    [InlineData("/api/v1/logon/abc/next")]
    public async Task OversizedBodies_Are413(string path)
    {
        var big = "{\"pad\": \"" + new string('a', 1024 * 1024) + "\"}";

        var (status, reply) = await _api.SendAsync(HttpMethod.Post, path, big);

        Assert.Equal((HttpStatusCode)413, status);
        AssertEnvelope(reply, "REQUEST_TOO_LARGE");
    }

    [Fact]
    public async Task DoLogon_TakesLargeBodies_UpToItsOwnLimit()
    {
        var session = await _api.NewEndpointSessionAsync();
        var (_, started) = await _api.StartLogonAsync(session, "alice");
        var id = started.GetProperty("logon_process_id").GetString()!;
        var body = JsonSerializer.Serialize(new { endpoint_session_id = session, response = new { answer = "Al1ce!pass", Image = new string('A', 1024 * 1024) } });

        var (status, reply) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/logon/{id}/do_logon", body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("OK", reply.GetProperty("status").GetString());
    }

    [Fact]
    public async Task MissingEndpointSession_InDoLogon_IsTheDocumentedValidationError()
    {
        var (status, reply) = await _api.SendAsync(HttpMethod.Post, "/api/v1/logon/abc/do_logon", "{\"response\": {\"answer\": \"x\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            "{\"status\":\"error\",\"errors\":[{\"location\":\"body\",\"name\":\"endpoint_session_id\",\"msgid\":\"OAAF-1101\",\"description\":\"Required\"}],\"reason\":\"VALIDATION_ERROR\"}",
            reply.GetRawText());
    }

    [Theory]
    [InlineData("{\"response\": \"novell\"}")]
    [InlineData("{\"response\": [1]}")]
    [InlineData("{\"response\": 7}")]
    public async Task DoLogon_WithAResponseThatIsNotAnObject_Is400_AndKeepsTheProcess(string fragment)
    {
        var session = await _api.NewEndpointSessionAsync();
        var (_, started) = await _api.StartLogonAsync(session, "alice");
        var id = started.GetProperty("logon_process_id").GetString()!;
        var body = fragment.Replace("{", $"{{\"endpoint_session_id\": \"{session}\", ", StringComparison.Ordinal);

        var (status, reply) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/logon/{id}/do_logon", body);
        var (_, ok) = await _api.AnswerAsync(session, id, "Al1ce!pass");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("response", reply.GetProperty("errors")[0].GetProperty("name").GetString());
        Assert.Equal("OK", ok.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownAndForeignIds_AreNotFound_AndTheOwnerStillFinishes()
    {
        var mine = await _api.NewEndpointSessionAsync();
        var other = await _api.NewEndpointSessionAsync();
        var (_, started) = await _api.StartLogonAsync(mine, "alice");
        var id = started.GetProperty("logon_process_id").GetString()!;

        var foreign = await _api.AnswerAsync(other, id, "Al1ce!pass");
        var unknownProcess = await _api.AnswerAsync(mine, new string('z', 32), "x");
        var unknownSession = await _api.AnswerAsync(new string('z', 32), id, "x");
        var weird = await _api.AnswerAsync(mine, "..%2F..%2Fetc", "x");
        var owner = await _api.AnswerAsync(mine, id, "Al1ce!pass");

        Assert.Equal((HttpStatusCode)444, foreign.Status);
        Assert.Equal((HttpStatusCode)444, unknownProcess.Status);
        Assert.Equal((HttpStatusCode)433, unknownSession.Status);
        Assert.True((int)weird.Status is 444 or 404);
        Assert.Equal("OK", owner.Body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("PUT", "/api/v1/logon", 405)]
    [InlineData("GET", "/api/v1/logon/abc/do_logon", 405)]
    [InlineData("GET", "/api/v1/nothing/here", 404)]
    [InlineData("POST", "/", 404)]
    public async Task UnknownRoutesAndVerbs_GetTheEnvelope(string method, string path, int expected)
    {
        var (status, reply) = await _api.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");

        Assert.Equal(expected, (int)status);
        AssertEnvelope(reply, expected == 404 ? "NOT_FOUND" : "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task TextPlainAndMissingContentType_AreParsedAsJson()
    {
        var session = await _api.NewEndpointSessionAsync();
        var body = JsonSerializer.Serialize(new { user_name = "alice", event_ = "x", endpoint_session_id = session }).Replace("event_", "event");

        var plain = await _api.SendAsync(HttpMethod.Post, "/api/v1/logon", body, "text/plain");
        var none = await _api.SendAsync(HttpMethod.Post, "/api/v1/logon", body, null);

        Assert.Equal(HttpStatusCode.BadRequest, plain.Status);
        Assert.Equal("EVENT_NOT_FOUND", plain.Body.GetProperty("reason").GetString());
        Assert.Equal("EVENT_NOT_FOUND", none.Body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task KeysInOtherSpellings_AreAccepted()
    {
        var session = await _api.NewEndpointSessionAsync();
        var body = $"{{\"UserName\": \"alice\", \"Event\": \"Authenticators Management\", \"endpoint-session-id\": \"{session}\", \"METHOD_ID\": \"PASSWORD:1\"}}";

        var (status, reply) = await _api.SendAsync(HttpMethod.Post, "/api/v1/logon", body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PASSWORD:1", reply.GetProperty("current_method").GetString());
    }

    private static void AssertEnvelope(JsonElement reply, string reason)
    {
        Assert.Equal("error", reply.GetProperty("status").GetString());
        Assert.Equal(reason, reply.GetProperty("reason").GetString());
        var error = reply.GetProperty("errors")[0];
        foreach (var key in new[] { "location", "name", "msgid", "description" })
            Assert.Equal(JsonValueKind.String, error.GetProperty(key).ValueKind);
    }
}
