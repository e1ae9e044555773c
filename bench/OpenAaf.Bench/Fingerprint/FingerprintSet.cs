using System.Text.RegularExpressions;
using OpenAaf.Biometrics.Matching;
using OpenAaf.Biometrics.Records;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>A folder of F_I.iso records, loaded and prepared; files that fail to parse are kept with their reason.</summary>
internal sealed partial class FingerprintSet
{
    private FingerprintSet(string name, List<FingerprintSample> samples, List<(string Path, string Reason)> unreadable)
    {
        Name = name;
        Samples = samples;
        Unreadable = unreadable;
    }

    public string Name { get; }

    public List<FingerprintSample> Samples { get; }

    public List<(string Path, string Reason)> Unreadable { get; }

    /// <summary>Every folder under (and including) root that directly holds F_I.iso files is a set.</summary>
    public static List<FingerprintSet> Discover(string root)
    {
        var folders = System.IO.Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
            .Prepend(root)
            .Where(d => System.IO.Directory.EnumerateFiles(d, "*.iso").Any(f => SampleName().IsMatch(System.IO.Path.GetFileName(f))))
            .Order(StringComparer.Ordinal)
            .ToList();
        var names = folders.Select(f => System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(f))).ToList();
        return [.. folders.Select((folder, i) => Load(
            names.Count(n => n == names[i]) > 1 ? System.IO.Path.GetRelativePath(root, folder) : names[i],
            folder))];
    }

    private static FingerprintSet Load(string name, string folder)
    {
        var samples = new List<FingerprintSample>();
        var unreadable = new List<(string, string)>();
        foreach (var path in System.IO.Directory.EnumerateFiles(folder, "*.iso").Order(StringComparer.Ordinal))
        {
            var match = SampleName().Match(System.IO.Path.GetFileName(path));
            if (!match.Success)
            {
                continue;
            }

            try
            {
                var result = FingerRecordReader.Read(File.ReadAllBytes(path));
                if (result.IsValid)
                {
                    // Note: FVC records hold one view; a multi-view record is represented by its first view here.
                    var template = FingerprintTemplate.FromView(result.Record.Views[0]);
                    samples.Add(new FingerprintSample(match.Groups[1].Value, match.Groups[2].Value, path, template));
                }
                else
                {
                    unreadable.Add((path, result.Rejection.ToString()));
                }
            }
            catch (IOException e)
            {
                unreadable.Add((path, e.Message));
            }
        }

        return new FingerprintSet(name, samples, unreadable);
    }

    [GeneratedRegex(@"^(.+)_([^_]+)\.iso$", RegexOptions.IgnoreCase)]
    private static partial Regex SampleName();
}
