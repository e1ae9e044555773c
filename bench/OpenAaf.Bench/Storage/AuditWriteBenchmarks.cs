using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OpenAaf.Core.Auditing;
using OpenAaf.Storage;

namespace OpenAaf.Bench.Storage;

/// <summary>
/// Audit records written by concurrent callers through the SQLite audit sink as the server wires it
/// (<c>AddOpenAafSqliteStorage</c>, a WAL file in a temporary directory): each caller awaits every write
/// before its next one, as a logon step does. The figure is the time per record.
/// Run: <c>dotnet run -c Release --project bench/OpenAaf.Bench -- bdn --filter *AuditWrite* --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class AuditWriteBenchmarks
{
    private const int RecordsPerInvoke = 1024;
    private string directory = "";
    private ServiceProvider? services;
    private IAuditSink sink = null!;

    [Params(1, 16, 64)]
    public int Callers { get; set; } = 16;

    [GlobalSetup]
    public void Setup()
    {
        directory = Path.Combine(Path.GetTempPath(), "openaaf-bench-audit-" + Guid.NewGuid().ToString("N"));
        services = new ServiceCollection().AddOpenAafSqliteStorage($"Data Source={Path.Combine(directory, "openaaf.db")}").BuildServiceProvider();
        services.InitializeOpenAafStorageAsync().GetAwaiter().GetResult();
        sink = services.GetRequiredService<IAuditSink>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services?.Dispose();
        System.IO.Directory.Delete(directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public async Task ConcurrentWrites()
    {
        var perCaller = RecordsPerInvoke / Callers;
        var callers = new Task[Callers];
        for (var c = 0; c < Callers; c++)
        {
            var caller = c;
            callers[c] = Task.Run(async () =>
            {
                for (var i = 0; i < perCaller; i++)
                    await sink.WriteAsync(Record(caller, i), CancellationToken.None);
            });
        }
        await Task.WhenAll(callers);
    }

    private static AuditRecord Record(int caller, int index) => new()
    {
        Time = DateTimeOffset.UtcNow, Action = "logon.step", EndpointId = "a1b2c3d4e5f60718293a4b5c6d7e8f90",
        EventName = "Authenticators Management", ChainName = "LDAP password", MethodId = "LDAP_PASSWORD:1",
        UserId = "8d8f3a41b0c24e7f9a6c1d2e3f405162", UserName = "JAGUAR\\user" + caller,
        LogonProcessId = $"p{caller}-{index}", Result = "OK", MsgId = "OAAF-0000", Reason = "",
    };
}
