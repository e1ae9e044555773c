using System.Diagnostics;
using OpenAaf.Biometrics.Matching;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>
/// Single-thread comparison rate over the given pairs: a warm-up of at least 20,000 comparisons (so the JIT
/// reaches its optimised tier even on small sets), then the best of 3 passes of at least 20,000 comparisons
/// each. Rates are per second of process CPU time and of wall clock: on a shared 2-core machine the wall
/// clock also counts time the thread spent waiting for a core.
/// </summary>
internal static class Throughput
{
    private const int MinimumComparisons = 20_000;

    public static (double PerCpuSecond, double PerWallSecond) Measure(IReadOnlyList<(FingerprintTemplate A, FingerprintTemplate B)> pairs, int passes = 3)
    {
        if (pairs.Count == 0)
        {
            return (0, 0);
        }

        var rounds = (MinimumComparisons + pairs.Count - 1) / pairs.Count;
        var sink = Run(pairs, rounds);
        double bestCpu = 0, bestWall = 0;
        var process = Process.GetCurrentProcess();
        for (var pass = 0; pass < passes; pass++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            sink += Run(pairs, rounds);
            wall.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var comparisons = (double)pairs.Count * rounds;
            bestCpu = Math.Max(bestCpu, comparisons / Math.Max(cpu, 1e-9));
            bestWall = Math.Max(bestWall, comparisons / Math.Max(wall.Elapsed.TotalSeconds, 1e-9));
        }

        GC.KeepAlive(sink);
        return (bestCpu, bestWall);
    }

    private static double Run(IReadOnlyList<(FingerprintTemplate A, FingerprintTemplate B)> pairs, int rounds)
    {
        var sum = 0.0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (a, b) in pairs)
            {
                sum += FingerprintMatcher.Compare(a, b);
            }
        }

        return sum;
    }
}
