using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenAaf.Core.Security;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Enrollment;

/// <summary>
/// test-vectors.md §7 over HTTP: LOCAL\alice enrolls the §7.1 credential through the enrollment API (an unbound
/// process, bound to her at step 1), saves it, logs on with row A1 through the login sub-protocol and tests the
/// template with row A2 the same way. Challenges are the vectors' own (fixed random source).
/// </summary>
public sealed class Fido2EnrollmentFlowTests : IDisposable
{
    private const string CredentialId = "Znc85jW-mlnjuuO1obxwaw";
    private const string RegistrationClientData =
        "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiQXU5WFdibjljZWZLR09MakxqRGRVZGpnYzUzVE9IcWRzZVRtMHlKb1pUbyIsIm9yaWdpbiI6Imh0dHBzOi8vbWZhLmV4YW1wbGUudGVzdCIsImNyb3NzT3JpZ2luIjpmYWxzZX0";
    private const string AttestationObject =
        "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YViUE4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefFFAAAAAAAAAAAAAAAAAAAAAAAAAAAAEGZ3POY1vppZ47rjtaG8cGulAQIDJiABIVggZ10tNk6R0heJRWxDT_SpG-F5nAGRmEhTa98LYmeTSeYiWCCO9ZXQnt610CwOljj_iJ2KfkHosDHwlaqYIlbRF7-xBA";
    private const string C1 =
        "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoid3YtcEFJOURGZ2RyWWhRbWl2RUZXbXNUaXhHbjdlSWlQYXlfSGhuOE5sayIsIm9yaWdpbiI6Imh0dHBzOi8vbWZhLmV4YW1wbGUudGVzdCIsImNyb3NzT3JpZ2luIjpmYWxzZX0";
    private static readonly byte[] RegistrationChallenge = Convert.FromHexString("02ef5759b9fd71e7ca18e2e32e30dd51d8e0739dd3387a9db1e4e6d32268653a");
    private static readonly byte[] AssertionChallenge = Convert.FromHexString("c2ffa9008f4316076b6214268af1055a6b138b11a7ede2223dacbf1e19fc3659");

    private readonly SettableChallenge _challenge = new();
    private readonly OpenAafFactory _base;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly ApiClient _api;

    public Fido2EnrollmentFlowTests()
    {
        var bootstrap = OpenAafFactory.Bootstrap(
            new JsonArray(
                new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") },
                new JsonObject { ["name"] = "Security key", ["methods"] = new JsonArray("FIDO2:1") }),
            new JsonArray(
                new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") },
                new JsonObject { ["name"] = "Default", ["chains"] = new JsonArray("Security key") }));
        var policies = new JsonObject
        {
            ["Fido2Method"] = new JsonObject { ["rp_ids"] = new JsonArray("mfa.example.test"), ["origins"] = new JsonArray("https://mfa.example.test") },
        };
        _base = new OpenAafFactory(bootstrap, policies: policies);
        _factory = _base.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IRandomSource>(_challenge)));
        _api = new ApiClient(_factory.CreateClient());
    }

    public void Dispose()
    {
        _factory.Dispose();
        _base.Dispose();
    }

    private static object Registration => new
    {
        webauthn_response = new
        {
            id = CredentialId, rawId = CredentialId, type = "public-key",
            response = new { clientDataJSON = RegistrationClientData, attestationObject = AttestationObject }, clientExtensionResults = new { },
        },
    };

    /// <summary>Rows A1/A2 as the sub-protocol library sends them, without the vector's user handle (alice has her own).</summary>
    private static object Assertion(string authData, string signature) => new
    {
        rawId = CredentialId, id = CredentialId, response = new { clientDataJSON = C1, authenticatorData = authData, signature },
        getClientExtensionResults = new { },
    };

    [Fact]
    public async Task EnrollTheVector_LogOnWithA1_TestWithA2_AndTheSameKeyCannotBeEnrolledTwice()
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var (login, userId) = (ok.GetProperty("login_session_id").GetString()!, ok.GetProperty("user_id").GetString()!);

        _challenge.Value = RegistrationChallenge;
        var (_, started) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "FIDO2:1" });
        var process = started.GetProperty("enroll_process_id").GetString()!;
        var (_, options) = await _api.PostAsync($"/api/v1/enroll/{process}/do_enroll", new { login_session_id = login, response = new { rp_id = "mfa.example.test" } });
        var (_, enrolled) = await _api.PostAsync($"/api/v1/enroll/{process}/do_enroll", new { login_session_id = login, response = Registration });
        var (saveStatus, saved) = await _api.PostAsync($"/api/v1/users/{userId}/templates", new { login_session_id = login, enroll_process_id = process, category_id = "" });
        var templateId = saved.GetProperty("auth_t_id").GetString()!;
        var (_, list) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");

        Assert.Equal(("MORE_DATA", "OAAF-3103"), (options.GetProperty("status").GetString(), options.GetProperty("msgid").GetString()));
        Assert.Equal("LOCAL\\alice", options.GetProperty("webauthn_creation_options").GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(("OK", "OAAF-3101"), (enrolled.GetProperty("status").GetString(), enrolled.GetProperty("msgid").GetString()));
        Assert.Equal(HttpStatusCode.OK, saveStatus);
        var template = list.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("method_id").GetString() == "FIDO2:1");
        Assert.Equal("""{"rp_id":"mfa.example.test","aaguid":"00000000-0000-0000-0000-000000000000"}""", template.GetProperty("data").GetRawText());

        _challenge.Value = AssertionChallenge;
        var (_, logon) = await _api.StartLogonAsync(session, "alice", "FIDO2:1", "Default");
        var logonId = logon.GetProperty("logon_process_id").GetString()!;
        var (_, step1) = await _api.AnswerAsync(session, logonId, null);
        var (_, verdict) = await _api.PostAsync($"/api/v1/logon_method/FIDO2:1/login/{logonId}",
            Assertion("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAQ", "MEYCIQDXuj-lAA2F-m4S7BUSBahxMCVfWozNTLSOrHxXNtZ9vAIhAJcPLttPGPeidhPNvjGSyDCb_0WzEbyCwXe6oZgluR6z"));
        var (_, welcome) = await _api.AnswerAsync(session, logonId, null);

        Assert.Equal("FIDO2_WAITING_ASSERTION", step1.GetProperty("reason").GetString());
        Assert.Equal("""{"status":"ok","errorMessage":""}""", verdict.GetRawText());
        Assert.Equal(("OK", templateId), (welcome.GetProperty("status").GetString(), welcome.GetProperty("completed_template_id").GetString()));

        var testPath = $"/api/v1/users/{userId}/templates/{templateId}/test";
        var (_, testStep1) = await _api.PostAsync(testPath, new { login_session_id = login });
        var testId = testStep1.GetProperty("logon_process_id").GetString()!;
        var (_, testVerdict) = await _api.PostAsync($"/api/v1/logon_method/FIDO2:1/login/{testId}",
            Assertion("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAg", "MEQCIDnU1tsEJbG8ogZBh3jFHGaABMkK8Jzpx_Z2ZRP5iOYiAiAPP0jFZcFbDeSMab8PP6J6HmGd1ZVFeJzhO5xdN3e-Zg"));
        var (_, tested) = await _api.PostAsync(testPath, new { login_session_id = login, logon_process_id = testId });

        Assert.Equal("FIDO2_WAITING_ASSERTION", testStep1.GetProperty("result").GetProperty("reason").GetString());
        Assert.Equal("""{"status":"ok","errorMessage":""}""", testVerdict.GetRawText());
        Assert.Equal(("OK", templateId), (tested.GetProperty("result").GetProperty("status").GetString(),
            tested.GetProperty("result").GetProperty("completed_template_id").GetString()));

        _challenge.Value = RegistrationChallenge;
        var (_, again) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "FIDO2:1", user_id = userId });
        var againId = again.GetProperty("enroll_process_id").GetString()!;
        await _api.PostAsync($"/api/v1/enroll/{againId}/do_enroll", new { login_session_id = login });
        var (_, duplicate) = await _api.PostAsync($"/api/v1/enroll/{againId}/do_enroll", new { login_session_id = login, response = Registration });

        Assert.Equal(("FAILED", "OAAF-3126", "KEY_ALREADY_REGISTERED"), (duplicate.GetProperty("status").GetString(),
            duplicate.GetProperty("msgid").GetString(), duplicate.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task EnrollThroughTheSubProtocol_ThenTheVerdictReachesDoEnroll()
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var (login, userId) = (ok.GetProperty("login_session_id").GetString()!, ok.GetProperty("user_id").GetString()!);
        _challenge.Value = RegistrationChallenge;
        var (_, started) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "FIDO2:1" });
        var process = started.GetProperty("enroll_process_id").GetString()!;
        await _api.PostAsync($"/api/v1/enroll/{process}/do_enroll", new { login_session_id = login });
        var path = $"/api/v1/logon_method/FIDO2:1/enroll/{process}";

        var (_, wrongUser) = await _api.PostAsync(path, new { username = "LOCAL\\ADMIN", displayName = "x" });
        var (_, options) = await _api.PostAsync(path, new { username = "LOCAL\\alice", displayName = "LOCAL\\alice" });
        var (_, verdict) = await _api.PostAsync(path, new
        {
            rawId = CredentialId, id = CredentialId, username = "LOCAL\\alice",
            response = new { clientDataJSON = RegistrationClientData, attestationObject = AttestationObject },
        });
        var (_, polled) = await _api.PostAsync($"/api/v1/enroll/{process}/do_enroll", new { login_session_id = login });
        var (saveStatus, _) = await _api.PostAsync($"/api/v1/users/{userId}/templates", new { login_session_id = login, enroll_process_id = process });
        var (goneStatus, gone) = await _api.PostAsync(path, new { username = "LOCAL\\alice" });

        Assert.Equal("failed", wrongUser.GetProperty("status").GetString());
        Assert.Equal(("ok", "mfa.example.test"), (options.GetProperty("status").GetString(), options.GetProperty("rp").GetProperty("id").GetString()));
        Assert.Equal("none", options.GetProperty("attestation").GetString());
        Assert.Equal("""{"status":"ok","errorMessage":""}""", verdict.GetRawText());
        Assert.Equal(("OK", "OAAF-3101", "FIDO2:1"), (polled.GetProperty("status").GetString(), polled.GetProperty("msgid").GetString(),
            polled.GetProperty("method_id").GetString()));
        Assert.Equal(HttpStatusCode.OK, saveStatus);
        Assert.Equal((HttpStatusCode.BadRequest, "AUCORE-1015"), (goneStatus, gone.GetProperty("msgid").GetString()));
    }

    private sealed class SettableChallenge : IRandomSource
    {
        public byte[] Value { get; set; } = new byte[32];

        public void Fill(Span<byte> buffer) => Value.CopyTo(buffer);
    }
}
