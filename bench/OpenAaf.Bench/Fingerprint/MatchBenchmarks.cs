using BenchmarkDotNet.Attributes;
using OpenAaf.Biometrics.Matching;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>
/// Comparison speed, prepared vs prepared, on one thread: every pair of one FVC2002 set (mostly impostors,
/// as in real 1:1 use with several enrolled impressions) and one genuine and one impostor pair alone.
/// Run: <c>dotnet run -c Release --project bench/OpenAaf.Bench -- bdn --filter *Match*</c>.
/// Templates come from OPENAAF_FINGERPRINT_DIR or the shared/fingerprint folder beside the repository.
/// </summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private const int PairsPerSet = 3160;
    private FingerprintTemplate[] templates = [];
    private (FingerprintTemplate A, FingerprintTemplate B)[] pairs = [];
    private (FingerprintTemplate A, FingerprintTemplate B) genuine;
    private (FingerprintTemplate A, FingerprintTemplate B) impostor;

    [Params("DB1_B", "DB3_B")]
    public string Set { get; set; } = "DB1_B";

    [GlobalSetup]
    public void Setup()
    {
        var root = SharedFingerprintFolder.Locate()
            ?? throw new InvalidOperationException("FVC2002 templates not found: set OPENAAF_FINGERPRINT_DIR");
        var set = FingerprintSet.Discover(root).Single(s => s.Name == Set);
        templates = [.. set.Samples.Select(s => s.Template)];
        pairs = [.. FvcProtocol.Pairs(set).Select(p => (p.A.Template, p.B.Template)).Take(PairsPerSet)];
        genuine = (templates[0], templates[1]);
        impostor = (templates[0], templates[8]);
    }

    [Benchmark(OperationsPerInvoke = PairsPerSet)]
    public double MatchAllPairsOfSet()
    {
        var sum = 0.0;
        foreach (var (a, b) in pairs)
        {
            sum += FingerprintMatcher.Compare(a, b);
        }

        return sum;
    }

    [Benchmark]
    public double MatchGenuine() => FingerprintMatcher.Compare(genuine.A, genuine.B);

    [Benchmark]
    public double MatchImpostor() => FingerprintMatcher.Compare(impostor.A, impostor.B);
}
