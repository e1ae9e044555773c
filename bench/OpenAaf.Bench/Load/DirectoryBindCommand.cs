using System.Diagnostics;
using System.Globalization;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Directory;

namespace OpenAaf.Bench.Load;

/// <summary>
/// The server's own directory client alone: <c>VerifyPasswordAsync</c> of an LDAP repository (pooled
/// user binds with the password-policy control, on the directory threads) from many concurrent callers,
/// with the CPU this process spent per check. What a logon costs in the directory layer, without HTTP,
/// storage or the engine.
/// <c>directory-binds --port 3389 --users 50 --concurrency 16 --seconds 10</c>
/// </summary>
internal static class DirectoryBindCommand
{
    public static async Task<int> RunAsync(string[] argv)
    {
        var args = new Args(argv);
        var port = args.Int("port", 3389);
        var users = args.Int("users", 50);
        var concurrency = args.Int("concurrency", 16);
        var seconds = args.Int("seconds", 10);
        var repository = new RepositoryDefinition
        {
            Id = "0123456789abcdef0123456789abcdef", Name = "BENCH", Kind = RepositoryKind.Ldap,
            Urls = [$"ldap://127.0.0.1:{port}"], BaseDn = args.Get("base", "dc=example,dc=test"),
            BindDn = args.Get("bind-dn", "cn=svc-mfa,ou=service,dc=example,dc=test"), BindPassword = args.Get("bind-password", "svcpw"),
            MaxConcurrency = concurrency,
        };
        using var factory = new LdapUserDirectoryFactory();
        var directory = factory.Create(repository);
        var accounts = new DirectoryUser[users];
        for (var i = 0; i < users; i++)
            accounts[i] = (await directory.FindByLoginAsync(Args.Fill(args.Get("user", "user{0}"), i + 1), CancellationToken.None)).User
                ?? throw new InvalidOperationException($"user {i + 1} not found");

        var latencies = new LatencyRecorder();
        var failures = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var n = worker; clock.Elapsed.TotalSeconds < seconds; n += concurrency)
            {
                var started = Stopwatch.GetTimestamp();
                var check = await directory.VerifyPasswordAsync(accounts[n % users], Args.Fill(args.Get("password", "pw{0}"), n % users + 1), CancellationToken.None);
                if (check == PasswordCheck.Ok) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else Interlocked.Increment(ref failures);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"checks_per_second\": {latencies.Count / elapsed:F0}, \"p50_ms\": {latencies.Percentile(50):F2}, \"p99_ms\": {latencies.Percentile(99):F2}, \"client_cpu_ms_per_check\": {cpuMs / Math.Max(1, latencies.Count):F3}, \"concurrency\": {concurrency}, \"failures\": {failures}}}"));
        return failures == 0 ? 0 : 1;
    }
}
