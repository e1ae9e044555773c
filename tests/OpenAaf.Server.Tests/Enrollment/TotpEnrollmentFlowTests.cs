using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Enrollment;

/// <summary>
/// A user logged on to "Authenticators Management" enrolls a TOTP app through the API and then logs on
/// with codes from oathtool, the independent generator; a replayed code is refused.
/// </summary>
public sealed class TotpEnrollmentFlowTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly OpenAafFactory _factory;
    private readonly ApiClient _api;

    public TotpEnrollmentFlowTests()
    {
        _factory = new OpenAafFactory(OpenAafFactoryBootstrap(), _clock);
        _api = new ApiClient(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EnrollWithTheGenerator_ThenLogOnWithOathtoolCodes_AndAReplayIsRefused()
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var login = ok.GetProperty("login_session_id").GetString()!;
        var userId = ok.GetProperty("user_id").GetString()!;

        var (_, generated) = await _api.PostAsync("/api/v1/logon_method/TOTP:1",
            new { generate_authenticator = true, is_base32_secret = true, endpoint_session_id = session, login_session_id = login });
        var secret = generated.GetProperty("secret").GetString()!;
        var (_, started) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "TOTP:1" });
        var processId = started.GetProperty("enroll_process_id").GetString()!;
        var (_, enrolled) = await _api.PostAsync($"/api/v1/enroll/{processId}/do_enroll",
            new { login_session_id = login, response = new { secret, is_base32_secret = true } });
        var (saveStatus, saved) = await _api.PostAsync($"/api/v1/users/{userId}/templates",
            new { login_session_id = login, enroll_process_id = processId, category_id = "", comment = "Phone app" });
        var (dupStatus, duplicate) = await SaveAnotherAsync(login, userId, secret);

        Assert.StartsWith("otpauth://totp/", generated.GetProperty("qrdata").GetString());
        Assert.Equal(("OK", "OAAF-3101", "TOTP:1"), (enrolled.GetProperty("status").GetString(), enrolled.GetProperty("msgid").GetString(),
            enrolled.GetProperty("method_id").GetString()));
        Assert.Equal(HttpStatusCode.OK, saveStatus);
        Assert.Matches("^[0-9a-f]{32}$", saved.GetProperty("auth_t_id").GetString());
        Assert.Equal((HttpStatusCode)409, dupStatus);
        Assert.Equal(("AUCORE-3047", "category_id"), (duplicate.GetProperty("errors")[0].GetProperty("msgid").GetString(),
            duplicate.GetProperty("errors")[0].GetProperty("name").GetString()));

        var code = await Oathtool.TotpBase32Async(secret, _clock.GetUtcNow().ToUnixTimeSeconds());
        var (_, logon) = await _api.StartLogonAsync(session, "alice", "TOTP:1", "Search Card");
        var (_, prompt) = await _api.AnswerAsync(session, logon.GetProperty("logon_process_id").GetString()!, null);
        var totpOk = await _api.LogonAsync(session, "alice", code, "TOTP:1", "Search Card");
        var replay = await _api.LogonAsync(session, "alice", code, "TOTP:1", "Search Card");
        _clock.Advance(TimeSpan.FromSeconds(30));
        var next = await _api.LogonAsync(session, "alice", await Oathtool.TotpBase32Async(secret, _clock.GetUtcNow().ToUnixTimeSeconds()), "TOTP:1", "Search Card");

        Assert.Equal("OTP_REQUIRED", prompt.GetProperty("reason").GetString());
        Assert.Equal("OK", totpOk.GetProperty("status").GetString());
        Assert.Equal(saved.GetProperty("auth_t_id").GetString(), totpOk.GetProperty("completed_template_id").GetString());
        Assert.Equal("TOTP Only", totpOk.GetProperty("completed_chain").GetProperty("name").GetString());
        Assert.Equal(("FAILED", "OTP_ALREADY_USED"), (replay.GetProperty("status").GetString(), replay.GetProperty("reason").GetString()));
        Assert.Equal("OK", next.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TestingTheTotpTemplate_UsesItsOwnCode()
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var login = ok.GetProperty("login_session_id").GetString()!;
        var userId = ok.GetProperty("user_id").GetString()!;
        const string hexSecret = "3132333435363738393031323334353637383930";
        var (_, started) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "TOTP:1", user_id = userId });
        var processId = started.GetProperty("enroll_process_id").GetString()!;
        await _api.PostAsync($"/api/v1/enroll/{processId}/do_enroll", new { login_session_id = login, response = new { secret = hexSecret, is_base32_secret = false } });
        var (_, saved) = await _api.PostAsync($"/api/v1/users/{userId}/templates", new { login_session_id = login, enroll_process_id = processId });
        var templateId = saved.GetProperty("auth_t_id").GetString()!;

        var code = await Oathtool.TotpAsync(hexSecret, _clock.GetUtcNow().ToUnixTimeSeconds());
        var (_, wrong) = await _api.PostAsync($"/api/v1/users/{userId}/templates/{templateId}/test",
            new { login_session_id = login, response = new { answer = code == "000000" ? "111111" : "000000" } });
        var (_, right) = await _api.PostAsync($"/api/v1/users/{userId}/templates/{templateId}/test",
            new { login_session_id = login, response = new { answer = code } });

        Assert.Equal("OTP_WRONG", wrong.GetProperty("result").GetProperty("reason").GetString());
        Assert.Equal("OK", right.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(templateId, right.GetProperty("result").GetProperty("completed_template_id").GetString());
    }

    [Fact]
    public async Task EnrolledSecrets_AreEncryptedAtRest_AndReadBackAfterARestart()
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        var login = ok.GetProperty("login_session_id").GetString()!;
        var userId = ok.GetProperty("user_id").GetString()!;
        const string hexSecret = "3132333435363738393031323334353637383930";
        var (_, started) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "TOTP:1" });
        var processId = started.GetProperty("enroll_process_id").GetString()!;
        await _api.PostAsync($"/api/v1/enroll/{processId}/do_enroll", new { login_session_id = login, response = new { secret = hexSecret, is_base32_secret = false } });
        await _api.PostAsync($"/api/v1/users/{userId}/templates", new { login_session_id = login, enroll_process_id = processId });
        _factory.Dispose();

        // The seed is not in the database file in clear, as hex or as bytes.
        var database = await File.ReadAllBytesAsync(Path.Combine(_factory.DataDirectory, "openaaf.db"));
        var wal = Path.Combine(_factory.DataDirectory, "openaaf.db-wal");
        var bytes = File.Exists(wal) ? [.. database, .. await File.ReadAllBytesAsync(wal)] : database;
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(hexSecret)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Convert.FromHexString(hexSecret)));

        using var restarted = new OpenAafFactory(OpenAafFactoryBootstrap(), _clock, _factory.DataDirectory);
        var api = new ApiClient(restarted.CreateClient());
        var session2 = await api.NewEndpointSessionAsync();
        var code = await Oathtool.TotpAsync(hexSecret, _clock.GetUtcNow().ToUnixTimeSeconds());
        var logon = await api.LogonAsync(session2, "alice", code, "TOTP:1", "Search Card");

        Assert.Equal("OK", logon.GetProperty("status").GetString());
    }

    private static JsonObject OpenAafFactoryBootstrap() => OpenAafFactory.Bootstrap(
        new JsonArray(
            new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") },
            new JsonObject { ["name"] = "TOTP Only", ["methods"] = new JsonArray("TOTP:1"), ["imageName"] = "TOTP_1.png" }),
        new JsonArray(
            new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") },
            new JsonObject { ["name"] = "Search Card", ["chains"] = new JsonArray("TOTP Only") }));

    private async Task<(HttpStatusCode, System.Text.Json.JsonElement)> SaveAnotherAsync(string login, string userId, string secret)
    {
        var (_, started) = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "TOTP:1" });
        var processId = started.GetProperty("enroll_process_id").GetString()!;
        await _api.PostAsync($"/api/v1/enroll/{processId}/do_enroll", new { login_session_id = login, response = new { secret, is_base32_secret = true } });
        return await _api.PostAsync($"/api/v1/users/{userId}/templates", new { login_session_id = login, enroll_process_id = processId });
    }
}
