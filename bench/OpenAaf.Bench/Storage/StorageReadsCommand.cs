using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OpenAaf.Bench.Storage;

/// <summary>
/// The reads of <see cref="StorageReadBenchmarks"/> timed by the process's CPU time as well as the clock: on a
/// shared machine the wall time of a 20 µs read says more about the neighbours than about the read, while
/// the CPU spent per read stays comparable with the CPU per logon. One JSON line per read.
/// Run: <c>dotnet run -c Release --project bench/OpenAaf.Bench -- storage-reads [--iterations N]</c>.
/// </summary>
internal static class StorageReadsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = new Load.Args(args).Int("iterations", 20_000);
        var reads = new StorageReadBenchmarks();
        reads.Setup();
        try
        {
            (string Name, Func<Task> Read)[] all =
            [
                ("local_user_hit", reads.LocalUserHit), ("local_user_miss", reads.LocalUserMiss),
                ("lockout_state", reads.LockoutState), ("templates_of_user", reads.TemplatesOfUser),
            ];
            foreach (var (name, read) in all)
            {
                for (var i = 0; i < iterations / 10; i++) await read();   // warm-up
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < iterations; i++) await read();
                var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / iterations;
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    read = name, iterations,
                    cpu_us = Math.Round(cpuUs, 2), wall_us = Math.Round(clock.Elapsed.TotalMicroseconds / iterations, 2),
                }));
            }
        }
        finally
        {
            reads.Cleanup();
        }
        return 0;
    }
}
