using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenAaf.Biometrics.Matching;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>
/// <c>fingerprint DIR [--dump FILE.csv]</c>: runs the FVC protocol on every set under DIR and prints one JSON
/// object on its last line. Unreadable files are reported and left out of the pairs.
/// </summary>
internal static class FingerprintCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !System.IO.Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: fingerprint DIR [--dump FILE.csv]   (DIR holds F_I.iso files or folders of them)");
            return 2;
        }

        var dump = args.Length >= 3 && args[1] == "--dump" ? args[2] : null;
        var sets = FingerprintSet.Discover(args[0]);
        if (sets.Count == 0)
        {
            Console.Error.WriteLine($"no F_I.iso files under {args[0]}");
            return 1;
        }

        var work = sets.Select(s => (Set: s, FvcProtocol.Pairs(s).Pairs)).ToList();

        // Warm up the JIT on the first set, then time every comparison on this one thread.
        FvcProtocol.Score(work[0].Pairs, FingerprintMatcher.Compare);
        var results = new JsonObject();
        var eers = new List<double>();
        long comparisons = 0;
        var clock = new Stopwatch();
        using var dumpWriter = dump is null ? null : new StreamWriter(dump);
        dumpWriter?.WriteLine("set,a,b,genuine,pairs,support,n,m,score");
        foreach (var (set, pairs) in work)
        {
            foreach (var (path, reason) in set.Unreadable)
            {
                Console.Error.WriteLine($"unreadable: {path}: {reason}");
            }

            clock.Start();
            var (genuine, impostor) = FvcProtocol.Score(pairs, FingerprintMatcher.Compare);
            clock.Stop();
            comparisons += pairs.Count;
            if (dumpWriter is not null)
            {
                foreach (var (a, b, isGenuine) in pairs)
                {
                    var o = FingerprintMatcher.CompareRaw(a.Template, b.Template);
                    dumpWriter.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{set.Name},{Path.GetFileName(a.Path)},{Path.GetFileName(b.Path)},{(isGenuine ? 1 : 0)},{o.Pairs},{o.SupportingEdges},{o.ProbeCount},{o.CandidateCount},{FingerprintMatcher.Compare(a.Template, b.Template)}"));
                }
            }

            var eer = ErrorRates.EqualErrorRate(genuine, impostor);
            eers.Add(eer);
            var entry = new JsonObject
            {
                ["eer"] = Round(eer),
                ["fnmr_at_fmr_1e-2"] = Round(ErrorRates.FnmrAtFmr(genuine, impostor, 1e-2)),
                ["fnmr_at_fmr_1e-3"] = Round(ErrorRates.FnmrAtFmr(genuine, impostor, 1e-3)),
                ["fnmr_at_fmr_1e-4"] = Round(ErrorRates.FnmrAtFmr(genuine, impostor, 1e-4)),
                ["fmr_at_40"] = Round(ErrorRates.Fmr(impostor, FingerprintMatcher.DefaultThreshold)),
                ["fnmr_at_40"] = Round(ErrorRates.Fnmr(genuine, FingerprintMatcher.DefaultThreshold)),
                ["genuine"] = genuine.Length,
                ["impostor"] = impostor.Length,
            };
            if (set.Unreadable.Count > 0)
            {
                entry["unreadable"] = new JsonArray([.. set.Unreadable.Select(u => (JsonNode)JsonValue.Create($"{Path.GetFileName(u.Path)}: {u.Reason}"))]);
            }

            results[set.Name] = entry;
            Console.WriteLine($"{set.Name}: {set.Samples.Count} templates, {genuine.Length} genuine, {impostor.Length} impostor, EER {eer:P2}");
        }

        var summary = new JsonObject
        {
            ["sets"] = results,
            ["mean_eer"] = Round(eers.Average()),
            ["comparisons_per_second"] = (long)(comparisons / Math.Max(clock.Elapsed.TotalSeconds, 1e-9)),
        };
        Console.WriteLine(summary.ToJsonString());
        return 0;
    }

    private static double Round(double rate) => Math.Round(rate, 5);
}
