using System.Globalization;
using System.Text.Json.Nodes;
using OpenAaf.Biometrics.Matching;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>
/// <c>fingerprint DIR [--dump FILE.csv] [--calibrate]</c>: runs the FVC protocol on every set under DIR and prints one JSON
/// object on its last line. Unreadable files are reported (stderr and JSON) and left out of the pairs.
/// </summary>
internal static class FingerprintCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !System.IO.Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: fingerprint DIR [--dump FILE.csv] [--calibrate]   (DIR holds F_I.iso files or folders of them)");
            return 2;
        }

        var dump = args.Length >= 3 && args[1] == "--dump" ? args[2] : null;
        var sets = FingerprintSet.Discover(args[0]);
        if (sets.Count == 0)
        {
            Console.Error.WriteLine($"no F_I.iso files under {args[0]}");
            return 1;
        }

        if (args.Contains("--calibrate"))
        {
            CalibrationFit.Report(sets);
        }

        var results = new JsonObject();
        var eers = new List<double>();
        var allPairs = new List<(FingerprintTemplate, FingerprintTemplate)>();
        using var dumpWriter = dump is null ? null : new StreamWriter(dump);
        dumpWriter?.WriteLine("set,a,b,genuine,pairs,support,n,m,score");
        foreach (var set in sets)
        {
            foreach (var (path, reason) in set.Unreadable)
            {
                Console.Error.WriteLine($"unreadable: {path}: {reason}");
            }

            var pairs = FvcProtocol.Pairs(set);
            allPairs.AddRange(pairs.Select(p => (p.A.Template, p.B.Template)));
            var (genuine, impostor) = FvcProtocol.Score(pairs, FingerprintMatcher.Compare);
            if (dumpWriter is not null)
            {
                Dump(dumpWriter, set.Name, pairs);
            }

            var entry = SetReport.Build(genuine, impostor, set.Unreadable);
            if (genuine.Length > 0 && impostor.Length > 0)
            {
                eers.Add(entry["eer"]!.GetValue<double>());
            }

            results[set.Name] = entry;
            Console.WriteLine($"{set.Name}: {set.Samples.Count} templates, {genuine.Length} genuine, {impostor.Length} impostor, "
                + $"EER {entry["eer"]!.GetValue<double>():P2}");
        }

        var (perCpuSecond, perWallSecond) = Throughput.Measure(allPairs);
        var summary = new JsonObject
        {
            ["sets"] = results,
            ["mean_eer"] = eers.Count == 0 ? null : SetReport.Round(eers.Average()),
            ["comparisons_per_second"] = (long)perCpuSecond,
            ["comparisons_per_second_wall"] = (long)perWallSecond,
        };
        Console.WriteLine(summary.ToJsonString());
        return 0;
    }

    /// <summary>Raw pairing features per comparison, for fitting the score calibration offline.</summary>
    private static void Dump(StreamWriter writer, string set, List<(FingerprintSample A, FingerprintSample B, bool Genuine)> pairs)
    {
        foreach (var (a, b, isGenuine) in pairs)
        {
            var o = FingerprintMatcher.CompareRaw(a.Template, b.Template);
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{set},{Path.GetFileName(a.Path)},{Path.GetFileName(b.Path)},{(isGenuine ? 1 : 0)},{o.Pairs},{o.SupportingEdges},"
                + $"{o.ProbeCount},{o.CandidateCount},{FingerprintMatcher.Compare(a.Template, b.Template)}"));
        }
    }
}
