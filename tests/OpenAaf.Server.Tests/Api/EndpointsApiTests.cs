using System.Net;
using System.Text.Json;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>Registering and deleting endpoints with administrator credentials (api.md §3.1–3.2).</summary>
public sealed class EndpointsApiTests : IClassFixture<LocalServer>
{
    private readonly ApiClient _api;

    public EndpointsApiTests(LocalServer server) => _api = server.Client;

    private static object Admin(string password = OpenAafFactory.AdminPassword, string user = "LOCAL\\ADMIN") =>
        new { method_id = "PASSWORD:1", user_name = user, password };

    [Fact]
    public async Task Register_ReturnsIdAndSecretOnce_ThenTheEndpointWorks_UntilDeleted()
    {
        var name = "ep-" + Guid.NewGuid().ToString("N");
        var (status, created) = await _api.PostAsync("/api/v1/endpoints",
            new { name, typ = 3, desc = "Endpoint", is_trusted = true, tenant_name = "TOP", auth_data = Admin() });
        var id = created.GetProperty("id").GetString()!;
        var secret = created.GetProperty("secret").GetString()!;
        var session = await _api.NewEndpointSessionAsync(id, secret);
        var ok = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var login = ok.GetProperty("login_session_id").GetString()!;

        var (deleteStatus, deleted) = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/endpoints/{id}", JsonSerializer.Serialize(new { auth_data = Admin() }));
        var afterSession = await _api.StartLogonAsync(session, "alice");
        var otherSession = await _api.NewEndpointSessionAsync();
        var afterLogin = await _api.SendAsync(HttpMethod.Get, $"/api/v1/logon/sessions/{login}?endpoint_session_id={otherSession}");
        var again = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/endpoints/{id}", JsonSerializer.Serialize(new { auth_data = Admin() }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Matches("^[A-Za-z0-9]{32}$", secret);
        Assert.Equal(HttpStatusCode.OK, deleteStatus);
        Assert.Equal(JsonValueKind.Null, deleted.ValueKind);
        Assert.Equal((HttpStatusCode)433, afterSession.Status);
        Assert.Equal((HttpStatusCode)434, afterLogin.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("OAAF-4104", again.Body.GetProperty("errors")[0].GetProperty("msgid").GetString());
    }

    [Fact]
    public async Task Register_RefusesMissingWrongAndNonAdminCredentials_AndDuplicateNames()
    {
        var name = "ep-" + Guid.NewGuid().ToString("N");

        var missing = await _api.PostAsync("/api/v1/endpoints", new { name });
        var wrong = await _api.PostAsync("/api/v1/endpoints", new { name, auth_data = Admin("nope") });
        var notAdmin = await _api.PostAsync("/api/v1/endpoints", new { name, auth_data = Admin("Al1ce!pass", "LOCAL\\alice") });
        var first = await _api.PostAsync("/api/v1/endpoints", new { name, auth_data = Admin() });
        var duplicate = await _api.PostAsync("/api/v1/endpoints", new { name = name.ToUpperInvariant(), auth_data = Admin() });
        var badType = await _api.PostAsync("/api/v1/endpoints", new { name = 5, typ = "x", auth_data = "admin" });

        Assert.Equal(((HttpStatusCode)401, "ADMIN_AUTH_FAILED"), (missing.Status, Reason(missing.Body)));
        Assert.Equal(((HttpStatusCode)401, "ADMIN_AUTH_FAILED"), (wrong.Status, Reason(wrong.Body)));
        Assert.Equal(((HttpStatusCode)403, "ACCESS_DENIED"), (notAdmin.Status, Reason(notAdmin.Body)));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(((HttpStatusCode)409, "ENDPOINT_EXISTS"), (duplicate.Status, Reason(duplicate.Body)));
        Assert.Equal((HttpStatusCode)400, badType.Status);
        // A number where a string is expected is converted (api.md §1.3 rule 6); typ and auth_data are wrong.
        Assert.Equal(2, badType.Body.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Delete_ChecksCredentialsBeforeTheId()
    {
        var unknown = await _api.SendAsync(HttpMethod.Delete, "/api/v1/endpoints/00000000000000000000000000000000", "{}");
        var wrong = await _api.SendAsync(HttpMethod.Delete, "/api/v1/endpoints/00000000000000000000000000000000",
            JsonSerializer.Serialize(new { auth_data = Admin("nope") }));

        Assert.Equal((HttpStatusCode)401, unknown.Status);
        Assert.Equal((HttpStatusCode)401, wrong.Status);
    }

    private static string? Reason(JsonElement body) => body.GetProperty("reason").GetString();
}
