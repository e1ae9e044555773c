using System.Net;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>Endpoint sessions (api.md §3.4–3.5) with the vectors of test-vectors.md §1.</summary>
public sealed class EndpointSessionTests : IClassFixture<LocalServer>
{
    private readonly ApiClient _api;

    public EndpointSessionTests(LocalServer server) => _api = server.Client;

    [Theory]
    [InlineData("41414141414141414141414141414141", "876543210", "abc", "f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e9")]
    [InlineData("178fa64ebafe11eaa1fb0242ac110003", "hVqFAFfQmfUqfrLMRf6y86Heslm3GtGt", "i_am_salt", "f72f4f69212deed77d2127e532826aa0ad341b8ca523d76947f274abbf61a075")]
    public void SecretHash_MatchesTheVectors(string id, string secret, string salt, string hash) =>
        Assert.Equal(hash, ApiClient.SecretHash(id, secret, salt));

    [Fact]
    public async Task Create_AcceptsTheVendorHash_InEitherCase_AndTheSameSaltTwice()
    {
        const string hash = "f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e9";
        var first = await _api.PostAsync($"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions", new { salt = "abc", endpoint_secret_hash = hash });
        var upper = await _api.PostAsync($"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions", new { salt = "abc", endpoint_secret_hash = hash.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, upper.Status);
        Assert.Matches("^[A-Za-z0-9]{32}$", first.Body.GetProperty("endpoint_session_id").GetString());
        Assert.NotEqual(first.Body.GetProperty("endpoint_session_id").GetString(), upper.Body.GetProperty("endpoint_session_id").GetString());
    }

    [Fact]
    public async Task Create_AcceptsAFormEncodedBody()
    {
        var hash = ApiClient.SecretHash(OpenAafFactory.EndpointId, OpenAafFactory.EndpointSecret, "randomSalt");
        var (status, body) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions",
            $"salt=randomSalt&endpoint_secret_hash={hash}", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.TryGetProperty("endpoint_session_id", out _));
    }

    [Theory]
    [InlineData("f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e8")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Create_WithAWrongHash_Is401(string hash)
    {
        var (status, body) = await _api.PostAsync($"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions", new { salt = "abc", endpoint_secret_hash = hash });

        Assert.Equal((HttpStatusCode)401, status);
        Assert.Equal("OAAF-1103", body.GetProperty("errors")[0].GetProperty("msgid").GetString());
    }

    [Fact]
    public async Task Create_ForAnUnknownEndpoint_LooksLikeAWrongHash()
    {
        var unknown = "99999999999999999999999999999999";
        var (status, body) = await _api.PostAsync($"/api/v1/endpoints/{unknown}/sessions",
            new { salt = "abc", endpoint_secret_hash = ApiClient.SecretHash(unknown, "876543210", "abc") });

        Assert.Equal((HttpStatusCode)401, status);
        Assert.Equal("ENDPOINT_AUTH_FAILED", body.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e", "endpoint_secret_hash")]
    [InlineData("g34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e9", "endpoint_secret_hash")]
    public async Task Create_WithAMalformedHash_Is400OnThatField(string hash, string field)
    {
        var (status, body) = await _api.PostAsync($"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions", new { salt = "abc", endpoint_secret_hash = hash });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("body", error.GetProperty("location").GetString());
        Assert.Equal(field, error.GetProperty("name").GetString());
        Assert.Equal("String does not match expected pattern", error.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Create_WithAnEmptySalt_Is400()
    {
        var (status, body) = await _api.PostAsync($"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions",
            new { salt = "", endpoint_secret_hash = "f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e9" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("salt", body.GetProperty("errors")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ReadAndDelete_ThenTheSessionIsGone_AndItsProcessesToo()
    {
        var session = await _api.NewEndpointSessionAsync();
        var (_, started) = await _api.StartLogonAsync(session, "admin");
        var path = $"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions/{session}";

        var read = await _api.SendAsync(HttpMethod.Get, path);
        var deleted = await _api.SendAsync(HttpMethod.Delete, path);
        var again = await _api.SendAsync(HttpMethod.Get, path);
        var logon = await _api.AnswerAsync(session, started.GetProperty("logon_process_id").GetString()!, OpenAafFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(session, read.Body.GetProperty("endpoint_session_id").GetString());
        Assert.Equal(OpenAafFactory.EndpointId, read.Body.GetProperty("endpoint_id").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, read.Body.GetProperty("session_data").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, deleted.Body.ValueKind);
        Assert.Equal((HttpStatusCode)433, again.Status);
        Assert.Equal((HttpStatusCode)433, logon.Status);
    }

    [Fact]
    public async Task RepeatedWrongHashes_AreThrottled_WithRetryAfter_ButTheRightHashStillWorks()
    {
        using var factory = OpenAafFactory.WithLocalUsers();
        var http = factory.CreateClient();
        var path = $"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions";
        var wrong = System.Text.Json.JsonSerializer.Serialize(new { salt = "abc", endpoint_secret_hash = new string('0', 64) });
        for (var i = 0; i < 20; i++)
            Assert.Equal((HttpStatusCode)401, (await http.PostAsync(path, new StringContent(wrong))).StatusCode);

        var limited = await http.PostAsync(path, new StringContent(wrong));
        var right = await http.PostAsync(path, new StringContent(System.Text.Json.JsonSerializer.Serialize(
            new { salt = "abc", endpoint_secret_hash = "f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e9" })));

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }
}
