using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;
using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Server.Tests.Telemetry;

/// <summary>
/// A server over LOCAL and the test slapd with one chain per method, and the logons the telemetry tests
/// run through it: passwords (LOCAL and LDAP), TOTP with codes from oathtool, FINGER:1 with synthetic
/// minutiae records. The clock is fake, so TOTP codes are computed for a known time.
/// </summary>
public sealed class TelemetryServer : IDisposable
{
    public const string CarolPassword = "C4rol!pass-word";
    public const string BobPassword = "B0b!pass-word";
    public const string DenisPassword = "Passw0rd!";
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <param name="host">Changes to the host (a logger provider, test services), applied after the server's own.</param>
    public TelemetryServer(SlapdFixture slapd, JsonObject? telemetry = null, Action<IWebHostBuilder>? host = null)
    {
        Factory = new OpenAafFactory(Bootstrap(slapd), Clock, telemetry: telemetry);
        App = host is null ? Factory : Factory.WithWebHostBuilder(host);
        Api = new ApiClient(App.CreateClient());
    }

    public FakeTimeProvider Clock { get; } = new(Now);
    public OpenAafFactory Factory { get; }
    public WebApplicationFactory<Program> App { get; }
    public ApiClient Api { get; }

    public void Dispose()
    {
        if (App != Factory) App.Dispose();
        Factory.Dispose();
    }

    /// <summary>Runs one logon of a single-step chain to its end; returns the final envelope and the process id.</summary>
    public async Task<(JsonElement Reply, string ProcessId)> LogonAsync(string session, string user, string method, string eventName, JsonObject response)
    {
        var (status, started) = await Api.StartLogonAsync(session, user, method, eventName);
        Assert.Equal(HttpStatusCode.OK, status);
        var processId = started.GetProperty("logon_process_id").GetString()!;
        var (_, reply) = await Api.SendAsync(HttpMethod.Post, $"/api/v1/logon/{processId}/do_logon",
            new JsonObject { ["endpoint_session_id"] = session, ["response"] = response }.ToJsonString());
        return (reply, processId);
    }

    public Task<(JsonElement Reply, string ProcessId)> PasswordAsync(string session, string user, string password) =>
        LogonAsync(session, user, "PASSWORD:1", "Authenticators Management", new JsonObject { ["answer"] = password });

    public Task<(JsonElement Reply, string ProcessId)> LdapPasswordAsync(string session, string password) =>
        LogonAsync(session, "EXAMPLE\\denis", "LDAP_PASSWORD:1", "Default", new JsonObject { ["answer"] = password });

    public Task<(JsonElement Reply, string ProcessId)> TotpAsync(string session, string code) =>
        LogonAsync(session, "carol", "TOTP:1", "Search Card", new JsonObject { ["answer"] = code });

    public Task<(JsonElement Reply, string ProcessId)> FingerAsync(string session, string iso) =>
        LogonAsync(session, "carol", "FINGER:1", "Search Card", new JsonObject { ["capture"] = new JsonObject { ["ISO"] = iso, ["captureStatus"] = "OK" } });

    /// <summary>carol's login session on "Authenticators Management", and her user id.</summary>
    public async Task<(string Login, string UserId)> CarolLoginAsync(string session)
    {
        var (ok, _) = await PasswordAsync(session, "carol", CarolPassword);
        Assert.Equal("OK", ok.GetProperty("status").GetString());
        return (ok.GetProperty("login_session_id").GetString()!, ok.GetProperty("user_id").GetString()!);
    }

    /// <summary>Enrolls a TOTP seed (given as base32, as an app shows it) for carol and saves the template.</summary>
    public async Task EnrollTotpAsync(string login, string userId, string base32Seed)
    {
        var (_, started) = await Api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "TOTP:1" });
        var processId = started.GetProperty("enroll_process_id").GetString()!;
        var (_, done) = await Api.PostAsync($"/api/v1/enroll/{processId}/do_enroll",
            new { login_session_id = login, response = new { secret = base32Seed, is_base32_secret = true } });
        Assert.Equal("OK", done.GetProperty("status").GetString());
        await SaveAsync(login, userId, processId);
    }

    /// <summary>Enrolls fingers 2 and 7 (synthetic fingers 11 and 12, three impressions each) for carol.</summary>
    public async Task EnrollFingersAsync(string login, string userId)
    {
        var (_, started) = await Api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = "FINGER:1" });
        var processId = started.GetProperty("enroll_process_id").GetString()!;
        var captures = new JsonArray();
        foreach (var (finger, seed) in new[] { ("2", 11), ("7", 12) })
            for (var impression = 1; impression <= 3; impression++)
                captures.Add(new JsonObject { ["Finger"] = finger, ["Image"] = new JsonObject { ["ISO"] = Iso(seed, impression), ["captureStatus"] = "OK" } });
        var (_, added) = await DoEnrollAsync(login, processId, new JsonObject { ["operation"] = "add", ["captures"] = captures });
        Assert.Equal("MORE_DATA", added.GetProperty("status").GetString());
        var (_, done) = await DoEnrollAsync(login, processId, new JsonObject { ["operation"] = "end" });
        Assert.Equal("OK", done.GetProperty("status").GetString());
        await SaveAsync(login, userId, processId);
    }

    public Task<string> TotpCodeAsync(string base32Seed) => Oathtool.TotpBase32Async(base32Seed, Clock.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>
    /// Impression <paramref name="impression"/> of synthetic finger <paramref name="seed"/>: a rotated, shifted copy
    /// with a few of its 40 minutiae missing, as an ISO 19794-2:2005 record in base64.
    /// </summary>
    public static string Iso(int seed, int impression)
    {
        var finger = Synthetic.Finger(seed, 40).Where((_, k) => k % 8 != impression % 8).ToList();
        var moved = Synthetic.Transform(finger, degrees: (impression - 1) * 6, dx: impression * 7, dy: -impression * 5);
        var placed = moved.Select(m => m with { X = m.X + 100, Y = m.Y + 100 }).ToList();
        return Convert.ToBase64String(RecordWriter.Iso2005(500, 600, 197, new TestView(placed, Position: 0)));
    }

    private async Task SaveAsync(string login, string userId, string processId)
    {
        var (status, _) = await Api.PostAsync($"/api/v1/users/{userId}/templates", new { login_session_id = login, enroll_process_id = processId });
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> DoEnrollAsync(string login, string processId, JsonObject response) =>
        Api.SendAsync(HttpMethod.Post, $"/api/v1/enroll/{processId}/do_enroll",
            new JsonObject { ["login_session_id"] = login, ["response"] = response }.ToJsonString());

    private static JsonObject Bootstrap(SlapdFixture slapd) => OpenAafFactory.Bootstrap(
        new JsonArray(
            new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") },
            new JsonObject { ["name"] = "LDAP only", ["methods"] = new JsonArray("LDAP_PASSWORD:1") },
            new JsonObject { ["name"] = "TOTP only", ["methods"] = new JsonArray("TOTP:1") },
            new JsonObject { ["name"] = "Finger only", ["methods"] = new JsonArray("FINGER:1") }),
        new JsonArray(
            new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") },
            new JsonObject { ["name"] = "Default", ["chains"] = new JsonArray("LDAP only") },
            new JsonObject { ["name"] = "Search Card", ["chains"] = new JsonArray("TOTP only", "Finger only") }),
        new JsonArray(new JsonObject { ["name"] = "LOCAL", ["type"] = "local" }, DirectoryServers.Slapd(slapd)),
        new JsonArray(
            new JsonObject { ["repository"] = "LOCAL", ["name"] = "ADMIN", ["password"] = OpenAafFactory.AdminPassword, ["groups"] = new JsonArray("FULL ADMINS") },
            new JsonObject { ["repository"] = "LOCAL", ["name"] = "carol", ["password"] = CarolPassword },
            new JsonObject { ["repository"] = "LOCAL", ["name"] = "bob", ["password"] = BobPassword }));
}
