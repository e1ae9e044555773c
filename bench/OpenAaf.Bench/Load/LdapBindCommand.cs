using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Net;

namespace OpenAaf.Bench.Load;

/// <summary>
/// The raw rate of LDAP simple binds a machine achieves against a directory: a new connection and one
/// bind per operation, as the server does for every password check. The yardstick for logon throughput.
/// <c>ldap-binds --host 127.0.0.1 --port 3389 --dn "uid=user{0},ou=people,dc=example,dc=test" --password "pw{0}" --users 50 --threads 8 --seconds 10</c>
/// </summary>
internal static class LdapBindCommand
{
    public static int Run(string[] argv)
    {
        var args = new Args(argv);
        var host = args.Get("host", "127.0.0.1");
        var port = args.Int("port", 3389);
        var dn = args.Get("dn", "uid=user{0},ou=people,dc=example,dc=test");
        var password = args.Get("password", "pw{0}");
        var users = args.Int("users", 50);
        var threads = args.Int("threads", Environment.ProcessorCount * 4);
        var seconds = args.Int("seconds", 10);

        var latencies = new LatencyRecorder();
        var failures = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var i = t;
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var user = i++ % users + 1;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var connection = new LdapConnection(new LdapDirectoryIdentifier(host, port, true, false))
                    {
                        AuthType = AuthType.Basic, Timeout = TimeSpan.FromSeconds(10),
                    };
                    connection.SessionOptions.ProtocolVersion = 3;
                    connection.Bind(new NetworkCredential(Args.Fill(dn, user), Args.Fill(password, user)));
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (LdapException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var elapsed = stop.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"binds_per_second\": {latencies.Count / elapsed:F0}, \"p50_ms\": {latencies.Percentile(50):F2}, \"p99_ms\": {latencies.Percentile(99):F2}, \"client_cpu_ms_per_bind\": {cpuMs / Math.Max(1, latencies.Count):F3}, \"threads\": {threads}, \"failures\": {failures}}}"));
        return failures == 0 ? 0 : 1;
    }
}
