using System.Net;
using System.Text.Json;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Telemetry;

/// <summary>
/// <c>GET /metrics</c> of a real server after logons: the Prometheus text format as a scraper reads it, with
/// OpenAAF's instruments labelled by method, result and reason, never by user.
/// </summary>
public sealed class MetricsEndpointTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>, IDisposable
{
    private readonly TelemetryServer _server = new(slapd);

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task AfterAnOkAndAFailedLogon_TheScrapeCountsStepsAndTimesThemInHistograms()
    {
        var session = await _server.Api.NewEndpointSessionAsync();
        var (ok, okProcess) = await _server.PasswordAsync(session, "carol", TelemetryServer.CarolPassword);
        var (failed, failedProcess) = await _server.PasswordAsync(session, "carol", "not-her-password");

        var (status, contentType, text) = await ScrapeAsync();
        var metrics = PrometheusText.Parse(text);

        Assert.Equal(("OK", "FAILED"), (ok.GetProperty("status").GetString(), failed.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/plain", contentType);
        Assert.Equal("counter", metrics.Types["openaaf_logon_steps_total"]);
        Assert.Equal("histogram", metrics.Types["openaaf_logon_step_duration_seconds"]);
        Assert.Equal("histogram", metrics.Types["openaaf_method_verification_duration_seconds"]);
        var steps = metrics.Named("openaaf_logon_steps_total").ToList();
        Assert.Equal(2, Single(steps, ("openaaf_action", "logon.start"), ("openaaf_method", "PASSWORD:1"), ("openaaf_result", "MORE_DATA"),
            ("openaaf_reason", "PROCESS_STARTED")));
        Assert.Equal(1, Single(steps, ("openaaf_action", "logon.step"), ("openaaf_method", "PASSWORD:1"), ("openaaf_result", "OK")));
        Assert.Equal(1, Single(steps, ("openaaf_action", "logon.step"), ("openaaf_method", "PASSWORD:1"), ("openaaf_result", "FAILED"),
            ("openaaf_reason", "PASSWORD_WRONG")));
        Assert.Equal(4, steps.Sum(s => s.Value));
        AssertHistogram(metrics, "openaaf_logon_step_duration_seconds", 1, ("openaaf_step", "do_logon"), ("openaaf_method", "PASSWORD:1"), ("openaaf_result", "OK"));
        AssertHistogram(metrics, "openaaf_logon_step_duration_seconds", 1, ("openaaf_step", "do_logon"), ("openaaf_method", "PASSWORD:1"), ("openaaf_result", "FAILED"));
        AssertHistogram(metrics, "openaaf_logon_step_duration_seconds", 2, ("openaaf_step", "start"), ("openaaf_method", "PASSWORD:1"), ("openaaf_result", "MORE_DATA"));
        AssertHistogram(metrics, "openaaf_method_verification_duration_seconds", 1, ("openaaf_method", "PASSWORD:1"), ("openaaf_result", "passed"));
        AssertHistogram(metrics, "openaaf_method_verification_duration_seconds", 1, ("openaaf_method", "PASSWORD:1"), ("openaaf_result", "failed"));
        AssertNoIdentifiers(metrics, "carol", ok.GetProperty("user_id").GetString()!, okProcess, failedProcess, session,
            ok.GetProperty("login_session_id").GetString()!);
    }

    [Fact]
    public async Task AnLdapLogon_IsTimedPerRepositoryOperationAndOutcome()
    {
        var session = await _server.Api.NewEndpointSessionAsync();
        var (ok, _) = await _server.LdapPasswordAsync(session, TelemetryServer.DenisPassword);
        var (unknownStatus, _) = await _server.Api.StartLogonAsync(session, "EXAMPLE\\nobody-here", "LDAP_PASSWORD:1", "Default");

        var metrics = PrometheusText.Parse((await ScrapeAsync()).Text);

        Assert.Equal("OK", ok.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        Assert.Equal("histogram", metrics.Types["openaaf_directory_operation_duration_seconds"]);
        const string name = "openaaf_directory_operation_duration_seconds";
        AssertHistogram(metrics, name, 1, ("openaaf_repository", "EXAMPLE"), ("openaaf_directory_operation", "verify_password"), ("openaaf_outcome", "ok"));
        AssertHistogram(metrics, name, 1, ("openaaf_repository", "EXAMPLE"), ("openaaf_directory_operation", "find_by_login"), ("openaaf_outcome", "not_found"));
        Assert.True(metrics.Named(name + "_count").Where(s => s.Has(("openaaf_directory_operation", "find_by_login"), ("openaaf_outcome", "found")))
            .Sum(s => s.Value) >= 1);
        AssertHistogram(metrics, "openaaf_method_verification_duration_seconds", 1, ("openaaf_method", "LDAP_PASSWORD:1"), ("openaaf_result", "passed"));
        AssertNoIdentifiers(metrics, "denis", "nobody-here", "uid=denis");
    }

    [Fact]
    public async Task GaugesFollowTheStores_LockoutsAreCounted_AndTheStandardMetricsAreThere()
    {
        var session = await _server.Api.NewEndpointSessionAsync();
        await _server.Api.NewEndpointSessionAsync();
        await _server.CarolLoginAsync(session);
        await _server.Api.StartLogonAsync(session, "carol", "PASSWORD:1");
        // Three wrong passwords lock bob (the default policy: 3 failures); a fourth, while locked, is not counted again.
        // The clock moves between them, as it does outside a test.
        for (var i = 0; i < 4; i++)
        {
            await _server.PasswordAsync(session, "bob", "wrong-" + i);
            _server.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var (locked, _) = await _server.PasswordAsync(session, "bob", TelemetryServer.BobPassword);

        var metrics = PrometheusText.Parse((await ScrapeAsync()).Text);

        Assert.Equal("USER_LOCKED", locked.GetProperty("reason").GetString());
        Assert.Equal("gauge", metrics.Types["openaaf_endpoint_active_sessions"]);
        Assert.Equal(2, Value(metrics, "openaaf_endpoint_active_sessions"));
        Assert.Equal(1, Value(metrics, "openaaf_login_active_sessions"));
        Assert.Equal(1, Value(metrics, "openaaf_logon_active_processes"));
        Assert.Equal("counter", metrics.Types["openaaf_lockout_locks_total"]);
        Assert.Equal(1, Value(metrics, "openaaf_lockout_locks_total"));
        Assert.Equal(3, Value(metrics, "openaaf_lockout_failures_total"));
        // The attempt after the lock and the right password after it: refused without verifying, not counted again.
        Assert.Equal(2, Single(metrics.Named("openaaf_logon_steps_total"), ("openaaf_result", "FAILED"), ("openaaf_reason", "USER_LOCKED")));
        // ASP.NET Core's and the runtime's own instruments.
        Assert.Equal("histogram", metrics.Types["http_server_request_duration_seconds"]);
        Assert.Contains(metrics.Named("http_server_request_duration_seconds_count"), s => s.Has(("http_route", "/api/v1/logon/{processId}/do_logon")));
        Assert.Contains(metrics.Types.Keys, name => name.StartsWith("dotnet_gc_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FingerLogons_CountTheMatchersComparisons()
    {
        var session = await _server.Api.NewEndpointSessionAsync();
        var (login, userId) = await _server.CarolLoginAsync(session);
        await _server.EnrollFingersAsync(login, userId);
        var (ok, _) = await _server.FingerAsync(session, TelemetryServer.Iso(11, 5));

        var metrics = PrometheusText.Parse((await ScrapeAsync()).Text);

        Assert.Equal("OK", ok.GetProperty("status").GetString());
        // Two fingers of three impressions, one view each, against a one-view probe.
        Assert.Equal(6, Value(metrics, "openaaf_finger_comparisons_total"));
        Assert.Equal(1, Single(metrics.Named("openaaf_logon_steps_total"), ("openaaf_method", "FINGER:1"), ("openaaf_result", "OK")));
    }

    [Fact]
    public async Task EachServerReportsOnlyItsOwnLogons()
    {
        using var other = new TelemetryServer(slapd);
        var session = await other.Api.NewEndpointSessionAsync();
        await other.PasswordAsync(session, "carol", TelemetryServer.CarolPassword);

        var mine = PrometheusText.Parse((await ScrapeAsync()).Text);
        var theirs = PrometheusText.Parse((await ScrapeAsync(other)).Text);

        Assert.Empty(mine.Named("openaaf_logon_steps_total"));
        Assert.Equal(2, theirs.Named("openaaf_logon_steps_total").Sum(s => s.Value));
    }

    private Task<(HttpStatusCode Status, string ContentType, string Text)> ScrapeAsync() => ScrapeAsync(_server);

    private static async Task<(HttpStatusCode Status, string ContentType, string Text)> ScrapeAsync(TelemetryServer server)
    {
        using var response = await server.Api.Http.GetAsync("/metrics");
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    private static double Single(IEnumerable<PrometheusSample> samples, params (string, string)[] labels) =>
        Assert.Single(samples, s => s.Has(labels)).Value;

    private static double Value(PrometheusText metrics, string name) => Assert.Single(metrics.Named(name)).Value;

    /// <summary>
    /// A histogram series with <paramref name="count"/> observations: buckets ascending in <c>le</c> and
    /// cumulative, <c>le="+Inf"</c> equal to <c>_count</c>, and a positive <c>_sum</c>.
    /// </summary>
    private static void AssertHistogram(PrometheusText metrics, string name, int count, params (string, string)[] labels)
    {
        var buckets = metrics.Named(name + "_bucket").Where(s => s.Has(labels)).ToList();
        Assert.NotEmpty(buckets);
        var bounds = buckets.Select(b => b.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(b.Labels["le"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(bounds.Order(), bounds);
        Assert.Equal([0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, double.PositiveInfinity], bounds);
        Assert.Equal(buckets.Select(b => b.Value).Order(), buckets.Select(b => b.Value));
        Assert.Equal(count, buckets[^1].Value);
        Assert.Equal(count, Single(metrics.Named(name + "_count"), labels));
        Assert.True(Single(metrics.Named(name + "_sum"), labels) > 0);
    }

    /// <summary>No label of an OpenAAF series carries a user name, a user id, a DN or a session or process id.</summary>
    private static void AssertNoIdentifiers(PrometheusText metrics, params string[] identifiers)
    {
        var values = metrics.Samples.Where(s => s.Name.StartsWith("openaaf_", StringComparison.Ordinal)).SelectMany(s => s.Labels.Values).Distinct().ToList();
        Assert.NotEmpty(values);
        foreach (var identifier in identifiers)
            Assert.DoesNotContain(values, v => v.Contains(identifier, StringComparison.OrdinalIgnoreCase));
    }
}
