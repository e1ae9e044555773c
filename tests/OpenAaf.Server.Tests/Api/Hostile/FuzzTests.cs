using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api.Hostile;

/// <summary>A server with every kind of method in its chains, for the fuzz run.</summary>
public sealed class FuzzServer : IDisposable
{
    public FuzzServer()
    {
        var chains = new JsonArray(
            new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") },
            new JsonObject { ["name"] = "Password + TOTP", ["methods"] = new JsonArray("PASSWORD:1", "TOTP:1") },
            new JsonObject { ["name"] = "Keys", ["methods"] = new JsonArray("U2F:1", "FIDO2:1") },
            new JsonObject { ["name"] = "Finger + HOTP", ["methods"] = new JsonArray("FINGER:1", "HOTP:1") });
        var all = new JsonArray("Password only", "Password + TOTP", "Keys", "Finger + HOTP");
        var events = new JsonArray(
            new JsonObject { ["name"] = "Default", ["chains"] = all.DeepClone() },
            new JsonObject { ["name"] = "Authenticators Management", ["chains"] = all.DeepClone() });
        var policies = new JsonObject
        {
            ["Fido2Method"] = new JsonObject { ["rp_ids"] = new JsonArray("mfa.example.test"), ["origins"] = new JsonArray("https://mfa.example.test") },
        };
        Server = new HostileServer(new OpenAafFactory(OpenAafFactory.Bootstrap(chains, events), policies: policies));
    }

    public HostileServer Server { get; }

    public void Dispose() => Server.Dispose();
}

/// <summary>
/// Mutated seed requests (deterministic seed): whatever the body, the server answers below 500 and logs no exception.
/// </summary>
public sealed class FuzzTests(FuzzServer fuzz) : IClassFixture<FuzzServer>
{
    private const int Seed = 20240607;
    private const int Requests = 3000;
    private const string Hash = "f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e9";

    /// <summary>Seed requests of the contract (api.md, the vendor samples); {S} {P} {L} {U} {E} are live ids.</summary>
    private static readonly (string Verb, string Path, string Body)[] Seeds =
    [
        ("POST", "/api/v1/endpoints/41414141414141414141414141414141/sessions", "{\"salt\":\"abc\",\"endpoint_secret_hash\":\"" + Hash + "\",\"session_data\":{\"k\":[1]}}"),
        ("POST", "/api/v1/endpoints", """{"name":"new.endpoint","typ":3,"desc":"Endpoint","is_trusted":true,"tenant_name":"TOP","auth_data":{"method_id":"PASSWORD:1","user_name":"LOCAL\\ADMIN","password":"x"}}"""),
        ("POST", "/api/v1/logon", """{"method_id":"PASSWORD:1","user_name":"alice","event":"Authenticators Management","endpoint_session_id":"{S}"}"""),
        ("POST", "/api/v1/logon", """{"method_id":"U2F:1","user_name":"alice","event":"Default","endpoint_session_id":"{S}"}"""),
        ("POST", "/api/v1/logon/{P}/do_logon", """{"response":{"answer":"novell"},"endpoint_session_id":"{S}"}"""),
        ("POST", "/api/v1/logon/{P}/do_logon", """{"response":{"signResponse":{"signatureData":"AQAAAXwwRQIhALtnK0","clientData":"eyAiY2hhbGxlbmdlIjogIkxSSFB5ZWZhZEZGWGQ5YXJPTlJLMVZpWGJ1eUV6NTlFa3FvcXgweU1BeDAiIH0","keyHandle":"dzdh2h3JCUD-hJdZ8W-CR"}},"endpoint_session_id":"{S}"}"""),
        ("POST", "/api/v1/logon/{P}/do_logon", """{"endpoint_session_id":"{S}","response":{"capture":{"ISO":"Rk1SACAyMAAAAAEsAAABAAC0AMUAxQEAAANaLQAPAEsvYwAXAGTQYwAcAF9HYwAlAC6QYwAA","captureStatus":"OK"}}}"""),
        ("POST", "/api/v1/logon/{P}/next", """{"endpoint_session_id":"{S}","method_id":"TOTP:1"}"""),
        ("DELETE", "/api/v1/logon/{P}", """{"endpoint_session_id":"{S}"}"""),
        ("POST", "/api/v1/logon/chains", """{"endpoint_session_id":"{S}","user_name":"alice","event":"Default","is_trusted":"true"}"""),
        ("POST", "/api/v1/logon_method/TOTP:1", """{"endpoint_session_id":"{S}","login_session_id":"{L}","generate_authenticator":true,"is_base32_secret":true}"""),
        ("POST", "/api/v1/logon_method/FIDO2:1/login/{P}", """{"id":"Znc85jW","rawId":"Znc85jW","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AA","signature":"MEY","userHandle":"qOM"},"getClientExtensionResults":{}}"""),
        ("POST", "/api/v1/enroll", """{"login_session_id":"{L}","method_id":"TOTP:1"}"""),
        ("POST", "/api/v1/enroll/{E}/do_enroll", """{"login_session_id":"{L}","response":{"secret":"JBSWY3DPEHPK3PXP","otp":"123456"}}"""),
        ("POST", "/api/v1/users/{U}/templates", """{"login_session_id":"{L}","enroll_process_id":"{E}","category_id":"","comment":"mine"}"""),
        ("POST", "/api/v1/users/{U}/templates/{U}/test", """{"login_session_id":"{L}","response":{"answer":"x"}}"""),
        ("POST", "/api/v1/enroll/chains/get", """{"login_session_id":"{L}","user_name":"alice"}"""),
        ("POST", "/api/v1/users/{U}/unlock", """{"login_session_id":"{L}"}"""),
    ];

    [Fact]
    public async Task MutatedSeedRequests_NeverGet5xx_AndLogNoException()
    {
        // Arrange
        var server = fuzz.Server;
        var http = server.Factory.CreateClient();
        var mutator = new FuzzMutator(Seed);
        var ids = await LiveIdsAsync(server.Client, new Dictionary<string, string>());
        var failures = new List<string>();
        var answers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        server.Log.Clear();

        // Act
        for (var i = 0; i < Requests; i++)
        {
            if (i % 100 == 99) ids = await LiveIdsAsync(server.Client, ids);
            var (verb, path, body) = Seeds[mutator.Random.Next(Seeds.Length)];
            var mutated = mutator.Mutate(Fill(body, ids));
            using var request = new HttpRequestMessage(new HttpMethod(verb), Fill(path, ids)) { Content = new ByteArrayContent(mutated) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var answer = $"{(int)response.StatusCode} {verb} {path}";
            answers[answer] = answers.GetValueOrDefault(answer) + 1;
            if ((int)response.StatusCode >= 500)
                failures.Add($"{(int)response.StatusCode} {verb} {path}: {System.Text.Encoding.UTF8.GetString(mutated)[..Math.Min(300, mutated.Length)]}");
        }

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", answers.Select(a => $"{a.Value,5} {a.Key}")));
        Assert.Empty(failures);
        Assert.Empty(server.Log.Problems);
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> ids) =>
        ids.Aggregate(template, (text, id) => text.Replace(id.Key, id.Value, StringComparison.Ordinal));

    /// <summary>A fresh endpoint session, logon process, login session and enroll process, so mutations reach past the id checks.</summary>
    private static async Task<Dictionary<string, string>> LiveIdsAsync(ApiClient api, Dictionary<string, string> previous)
    {
        var ids = new Dictionary<string, string>(previous);
        var (status, created) = await api.PostAsync($"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions",
            new { salt = "i_am_salt", endpoint_secret_hash = ApiClient.SecretHash(OpenAafFactory.EndpointId, OpenAafFactory.EndpointSecret, "i_am_salt") });
        if (status != System.Net.HttpStatusCode.OK) return ids;
        var session = created.GetProperty("endpoint_session_id").GetString()!;
        ids["{S}"] = session;
        var (_, started) = await api.StartLogonAsync(session, "ADMIN", "PASSWORD:1");
        if (started.TryGetProperty("logon_process_id", out var process)) ids["{P}"] = process.GetString()!;
        var ok = await api.LogonAsync(session, "ADMIN", OpenAafFactory.AdminPassword, "PASSWORD:1");
        if (ok.TryGetProperty("login_session_id", out var login))
        {
            ids["{L}"] = login.GetString()!;
            ids["{U}"] = ok.GetProperty("user_id").GetString()!;
            var (_, enroll) = await api.PostAsync("/api/v1/enroll", new { login_session_id = ids["{L}"], method_id = "TOTP:1" });
            if (enroll.ValueKind == JsonValueKind.Object && enroll.TryGetProperty("enroll_process_id", out var e)) ids["{E}"] = e.GetString()!;
        }
        foreach (var key in new[] { "{S}", "{P}", "{L}", "{U}", "{E}" }) ids.TryAdd(key, new string('z', 32));
        return ids;
    }
}
