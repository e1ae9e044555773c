using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenAaf.Bench.Load;

/// <summary>
/// Complete LDAP_PASSWORD:1 logons (<c>POST /logon</c> + <c>do_logon</c>) against a running server.
/// Closed loop with <c>--concurrency</c> workers, or open loop at <c>--rate</c> logons/s, where latency is
/// measured from each logon's scheduled start (so a stalled server cannot hide its queueing).
/// </summary>
internal static class LogonLoadCommand
{
    public static async Task<int> RunAsync(string[] argv)
    {
        var args = new Args(argv);
        var baseUrl = args.Get("url", "http://127.0.0.1:5080").TrimEnd('/');
        var endpointId = args.Get("endpoint-id", "41414141414141414141414141414141");
        var secret = args.Get("secret", "876543210");
        var user = args.Get("user", "user{0}");
        var password = args.Get("password", "pw{0}");
        var users = args.Int("users", 50);
        var concurrency = args.Int("concurrency", 16);
        var rate = args.Int("rate", 0);
        var seconds = args.Int("seconds", 10);
        var eventName = args.Get("event", "Default");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(concurrency, 256) })
        {
            BaseAddress = new Uri(baseUrl),
        };
        var session = await ApiCalls.CreateSessionAsync(http, endpointId, secret);
        var latencies = new LatencyRecorder();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);

        async Task OneLogonAsync(int n, long scheduledTicks)
        {
            var ok = await LogonAsync(http, session, Args.Fill(user, n % users + 1), Args.Fill(password, n % users + 1), eventName);
            if (ok) latencies.Add((clock.Elapsed - TimeSpan.FromTicks(scheduledTicks)).TotalMilliseconds);
            else Interlocked.Increment(ref failures);
        }

        var counter = -1;
        if (rate > 0)
        {
            var running = new List<Task>();
            var interval = TimeSpan.FromSeconds(1.0 / rate);
            for (var next = TimeSpan.Zero; next < duration; next += interval)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                running.Add(OneLogonAsync(Interlocked.Increment(ref counter), next.Ticks));
            }
            await Task.WhenAll(running);
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (clock.Elapsed < duration)
                    await OneLogonAsync(Interlocked.Increment(ref counter), clock.Elapsed.Ticks);
            }));
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"logons_per_second\": {latencies.Count / elapsed:F0}, \"p50_ms\": {latencies.Percentile(50):F2}, \"p99_ms\": {latencies.Percentile(99):F2}, \"logons\": {latencies.Count}, \"failures\": {failures}, \"mode\": \"{(rate > 0 ? $"rate {rate}/s" : $"concurrency {concurrency}")}\"}}"));
        return failures == 0 ? 0 : 1;
    }

    private static async Task<bool> LogonAsync(HttpClient http, string session, string user, string password, string eventName)
    {
        try
        {
            var start = await http.PostAsJsonAsync("/api/v1/logon",
                new { method_id = "LDAP_PASSWORD:1", user_name = user, @event = eventName, endpoint_session_id = session });
            if (!start.IsSuccessStatusCode) return false;
            using var started = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
            var id = started.RootElement.GetProperty("logon_process_id").GetString();
            var answer = await http.PostAsJsonAsync($"/api/v1/logon/{id}/do_logon",
                new { response = new { answer = password }, endpoint_session_id = session });
            if (!answer.IsSuccessStatusCode) return false;
            using var done = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            return done.RootElement.GetProperty("status").GetString() == "OK";
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
