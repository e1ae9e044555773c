using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Bench.Load;

/// <summary>
/// Complete two-factor logons, <c>LDAP_PASSWORD:1</c> then <c>TOTP:1</c>: <c>POST /logon</c>,
/// <c>do_logon</c> (password, NEXT), <c>next</c> (TOTP:1) and <c>do_logon</c> (code, OK).
/// First enrolls a TOTP authenticator (period 10 s) for every load user through the API, as a user
/// would; then runs closed-loop workers, each owning its own users (one logon per user at a time).
/// A TOTP code is accepted once per step, so each user can log on once per step of the server's
/// window (the server should allow <c>otp_window</c> 10) and then once per period: the command needs
/// enough users for the rate (about rate × seconds / 20 with window 10 for a 15 s run).
/// <c>two-factor-load --url U --user "bench{0}" --password PW --users 1000 --enroll FILE</c> enrolls and
/// writes the users' secrets to FILE; <c>two-factor-load --url U --secrets FILE --concurrency 16 --seconds 15</c>
/// runs the load with them (so that the load phase can be measured alone). Without either, both in one go.
/// </summary>
internal static class TwoFactorLoadCommand
{
    private const int Period = 10;

    private sealed class LoadUser(string name, string password, byte[] secret)
    {
        public string Name => name;
        public string Password => password;
        public byte[] Secret => secret;
        public long LastStep = -1;
    }

    public static async Task<int> RunAsync(string[] argv)
    {
        var args = new Args(argv);
        var baseUrl = args.Get("url", "http://127.0.0.1:5080").TrimEnd('/');
        var endpointId = args.Get("endpoint-id", "41414141414141414141414141414141");
        var endpointSecret = args.Get("secret", "876543210");
        var userTemplate = args.Get("user", "bench{0}");
        var password = args.Get("password", "benchpw");
        var userCount = args.Int("users", 1000);
        var concurrency = args.Int("concurrency", 16);
        var seconds = args.Int("seconds", 15);
        var window = args.Int("window", 10);
        var eventName = args.Get("event", "TwoFactor");
        var enrollEvent = args.Get("enroll-event", "Authenticators Management");

        var enrollTo = args.Get("enroll", "");
        var secretsFrom = args.Get("secrets", "");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl) };
        var session = await ApiCalls.CreateSessionAsync(http, endpointId, endpointSecret);

        LoadUser[] users;
        if (secretsFrom.Length > 0)
        {
            users = File.ReadAllLines(secretsFrom).Select(l => l.Split('\t')).Select(f => new LoadUser(f[0], f[1], Convert.FromHexString(f[2]))).ToArray();
        }
        else
        {
            var enrolled = new LoadUser?[userCount];
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < userCount; i = Interlocked.Increment(ref next))
                    enrolled[i] = await EnrollAsync(http, session, UserName(userTemplate, i + 1), password, enrollEvent);
            }));
            users = enrolled.OfType<LoadUser>().ToArray();
            if (users.Length < userCount)
            {
                Console.Error.WriteLine($"two-factor-load: only {users.Length} of {userCount} users could enroll TOTP:1");
                return 1;
            }
            if (enrollTo.Length > 0)
            {
                File.WriteAllLines(enrollTo, users.Select(u => $"{u.Name}\t{u.Password}\t{Convert.ToHexString(u.Secret)}"));
                Console.WriteLine($"{{\"enrolled\": {users.Length}}}");
                return 0;
            }
        }

        var latencies = new LatencyRecorder();
        var failures = 0;
        var exhausted = 0;
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = users.Where((_, i) => i % concurrency == worker).ToArray();
            var turn = 0;
            while (clock.Elapsed < duration)
            {
                var user = mine[turn++ % mine.Length];
                var step = NextStep(user, window);
                if (step is null)
                {
                    // Every user of this worker used its codes up to the end of the window: wait for the next step.
                    if (turn % mine.Length == 0) { Interlocked.Increment(ref exhausted); await Task.Delay(100); }
                    continue;
                }
                var started = Stopwatch.GetTimestamp();
                if (await LogonAsync(http, session, user, OtpCalculator.Compute(user.Secret, step.Value, 6), eventName))
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else Interlocked.Increment(ref failures);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"two_factor_logons_per_second\": {latencies.Count / elapsed:F0}, \"p50_ms\": {latencies.Percentile(50):F2}, \"p99_ms\": {latencies.Percentile(99):F2}, \"logons\": {latencies.Count}, \"failures\": {failures}, \"users\": {users.Length}, \"waits_for_codes\": {exhausted}, \"concurrency\": {concurrency}}}"));
        return failures == 0 ? 0 : 1;
    }

    private static string UserName(string template, int n) =>
        template.Replace("{0}", n.ToString("0000", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The oldest step the server still accepts that is after the user's last one; null when the window is used up.</summary>
    private static long? NextStep(LoadUser user, int window)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / Period;
        // One step of margin on each side for the clock between this client and the server's check.
        var step = Math.Max(user.LastStep + 1, now - window + 1);
        if (step > now + window - 1) return null;
        user.LastStep = step;
        return step;
    }

    private static async Task<LoadUser?> EnrollAsync(HttpClient http, string session, string name, string password, string enrollEvent)
    {
        var start = await ApiCalls.PostAsync(http, "/api/v1/logon",
            new { method_id = "LDAP_PASSWORD:1", user_name = name, @event = enrollEvent, endpoint_session_id = session });
        var done = await ApiCalls.PostAsync(http, $"/api/v1/logon/{ApiCalls.Text(start, "logon_process_id")}/do_logon",
            new { response = new { answer = password }, endpoint_session_id = session });
        if (ApiCalls.Status(done) != "OK") return null;
        var login = ApiCalls.Text(done, "login_session_id");
        var userId = ApiCalls.Text(done, "user_id");
        var secret = RandomNumberGenerator.GetBytes(20);
        var process = ApiCalls.Text(await ApiCalls.PostAsync(http, "/api/v1/enroll", new { login_session_id = login, method_id = "TOTP:1" }), "enroll_process_id");
        var enrolled = await ApiCalls.PostAsync(http, $"/api/v1/enroll/{process}/do_enroll",
            new { login_session_id = login, response = new { secret = Base32.Encode(secret), is_base32_secret = true, period = Period } });
        if (ApiCalls.Status(enrolled) != "OK") return null;
        var saved = await ApiCalls.PostAsync(http, $"/api/v1/users/{userId}/templates",
            new { login_session_id = login, enroll_process_id = process, category_id = "", comment = "load test" });
        return saved is null ? null : new LoadUser(name, password, secret);
    }

    private static async Task<bool> LogonAsync(HttpClient http, string session, LoadUser user, string code, string eventName)
    {
        try
        {
            var start = await ApiCalls.PostAsync(http, "/api/v1/logon",
                new { method_id = "LDAP_PASSWORD:1", user_name = user.Name, @event = eventName, endpoint_session_id = session });
            var id = ApiCalls.Text(start, "logon_process_id");
            if (id is null) return false;
            var first = await ApiCalls.PostAsync(http, $"/api/v1/logon/{id}/do_logon",
                new { response = new { answer = user.Password }, endpoint_session_id = session });
            if (ApiCalls.Status(first) != "NEXT") return false;
            var switched = await ApiCalls.PostAsync(http, $"/api/v1/logon/{id}/next", new { method_id = "TOTP:1", endpoint_session_id = session });
            if (ApiCalls.Status(switched) != "MORE_DATA") return false;
            var second = await ApiCalls.PostAsync(http, $"/api/v1/logon/{id}/do_logon",
                new { response = new { answer = code }, endpoint_session_id = session });
            return ApiCalls.Status(second) == "OK";
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
