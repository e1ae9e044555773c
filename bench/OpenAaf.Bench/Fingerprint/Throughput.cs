using System.Diagnostics;
using OpenAaf.Biometrics.Matching;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>
/// Single-thread comparison rate over the given pairs, best of several passes after a warm-up pass. Rates
/// are taken from the process's CPU time as well as from the wall clock, because on a shared 2-core machine
/// the wall clock also counts time the thread spent waiting for a core.
/// </summary>
internal static class Throughput
{
    public static (double PerCpuSecond, double PerWallSecond) Measure(IReadOnlyList<(FingerprintTemplate A, FingerprintTemplate B)> pairs, int passes = 3)
    {
        var sink = 0.0;
        foreach (var (a, b) in pairs)
        {
            sink += FingerprintMatcher.Compare(a, b); // JIT warm-up: reach the optimised tier before timing
        }

        double bestCpu = 0, bestWall = 0;
        var process = Process.GetCurrentProcess();
        for (var pass = 0; pass < passes; pass++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            foreach (var (a, b) in pairs)
            {
                sink += FingerprintMatcher.Compare(a, b);
            }

            wall.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            bestCpu = Math.Max(bestCpu, pairs.Count / Math.Max(cpu, 1e-9));
            bestWall = Math.Max(bestWall, pairs.Count / Math.Max(wall.Elapsed.TotalSeconds, 1e-9));
        }

        GC.KeepAlive(sink);
        return (bestCpu, bestWall);
    }
}
