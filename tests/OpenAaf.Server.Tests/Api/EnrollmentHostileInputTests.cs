using System.Net;
using System.Text.Json;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>Hostile input on the enrollment, template and helper endpoints: always the envelope and a 4xx.</summary>
public sealed class EnrollmentHostileInputTests : IClassFixture<LocalServer>
{
    private readonly ApiClient _api;

    public EnrollmentHostileInputTests(LocalServer server) => _api = server.Client;

    public static TheoryData<string, string> Calls => new()
    {
        { "POST", "/api/v1/enroll" },
        { "POST", "/api/v1/enroll/abc/do_enroll" },
        { "DELETE", "/api/v1/enroll/abc" },
        { "GET", "/api/v1/users/abc/templates" },
        { "POST", "/api/v1/users/abc/templates" },
        { "PUT", "/api/v1/users/abc/templates/def" },
        { "DELETE", "/api/v1/users/abc/templates/def" },
        { "POST", "/api/v1/users/abc/templates/def/test" },
        { "GET", "/api/v1/users" },
        { "GET", "/api/v1/categories" },
        { "POST", "/api/v1/methods/get" },
        { "POST", "/api/v1/enroll/chains/get" },
        { "GET", "/api/v1/users/abc/effective_policy" },
        { "POST", "/api/v1/users/abc/method/SMS_OTP:1/get_recipient" },
        { "POST", "/api/v1/users/abc/delete" },
        { "POST", "/api/v1/users/abc/unlock" },
        { "GET", "/api/v1/events" },
        { "POST", "/api/v1/logon_method/TOTP:1" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task EveryCall_AnswersBadInputWithA4xxEnvelope(string method, string path)
    {
        var verb = new HttpMethod(method);
        var bodies = verb == HttpMethod.Get ? new string?[] { null } : ["{\"login_session_id\": ", "[1]", "{\"login_session_id\": 5, \"response\": \"x\", \"user_id\": {}}", "null"];
        foreach (var body in bodies)
        {
            var (status, reply) = await _api.SendAsync(verb, path, body);
            Assert.InRange((int)status, 400, 499);
            Assert.Equal("error", reply.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.String, reply.GetProperty("reason").ValueKind);
        }
        var (bigStatus, _) = verb == HttpMethod.Get
            ? await _api.SendAsync(verb, path + "?login_session_id=" + new string('x', 5000))
            : await _api.SendAsync(verb, path, "{\"pad\": \"" + new string('a', 5 * 1024 * 1024) + "\"}");
        Assert.InRange((int)bigStatus, 400, 499);
    }

    [Theory]
    [InlineData("/api/v1/logon_method/FIDO2:1/login/abc")]
    [InlineData("/api/v1/logon_method/FIDO2:1/enroll/abc")]
    public async Task Fido2SubProtocols_AnswerBadInputWithA4xx_InTheirLibrarysShape(string path)
    {
        foreach (var body in new[] { "{\"rawId\": ", "[1]", "{\"rawId\": 5, \"response\": \"x\"}", "null", "{\"pad\": \"" + new string('a', 5 * 1024 * 1024) + "\"}" })
        {
            var (status, reply) = await _api.SendAsync(HttpMethod.Post, path, body);
            Assert.InRange((int)status, 400, 499);
            Assert.Equal("failed", reply.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task AnotherUsersTemplate_IsNotFound_EvenWithItsId()
    {
        var session = await _api.NewEndpointSessionAsync();
        var admin = await _api.LogonAsync(session, "admin", OpenAafFactory.AdminPassword);
        var alice = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var adminLogin = admin.GetProperty("login_session_id").GetString()!;
        var aliceLogin = alice.GetProperty("login_session_id").GetString()!;
        var aliceId = alice.GetProperty("user_id").GetString()!;
        var (_, adminTemplates) = await _api.SendAsync(HttpMethod.Get,
            $"/api/v1/users/{admin.GetProperty("user_id").GetString()}/templates?login_session_id={adminLogin}");
        var adminTemplate = adminTemplates.GetProperty("templates")[0].GetProperty("id").GetString();

        // Alice names her own user id but the admin's template: not hers, so not found.
        var (status, reply) = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/users/{aliceId}/templates/{adminTemplate}?login_session_id={aliceLogin}");
        var (testStatus, _) = await _api.PostAsync($"/api/v1/users/{aliceId}/templates/{adminTemplate}/test",
            new { login_session_id = aliceLogin, response = new { answer = OpenAafFactory.AdminPassword } });

        Assert.Equal((HttpStatusCode.NotFound, "TEMPLATE_NOT_FOUND"), (status, reply.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, testStatus);
    }
}
