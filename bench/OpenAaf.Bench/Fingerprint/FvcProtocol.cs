using OpenAaf.Biometrics.Matching;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>
/// The comparisons of one set. Genuine: every unordered pair of impressions of the same finger, C(8,2) × 10 = 280
/// for 10 fingers × 8 impressions. Impostor: every unordered pair of impressions of different fingers,
/// C(10,2) × 8 × 8 = 2,880 (all 3,160 pairs of the 80 impressions minus the 280 genuine ones). Each
/// unordered pair is compared once; the matcher is symmetric, so the order does not matter.
/// </summary>
internal static class FvcProtocol
{
    public static List<(FingerprintSample A, FingerprintSample B, bool Genuine)> Pairs(FingerprintSet set)
    {
        var pairs = new List<(FingerprintSample, FingerprintSample, bool)>();
        var samples = set.Samples;
        for (var i = 0; i < samples.Count; i++)
        {
            for (var j = i + 1; j < samples.Count; j++)
            {
                pairs.Add((samples[i], samples[j], samples[i].Finger == samples[j].Finger));
            }
        }

        return pairs;
    }

    public static (double[] Genuine, double[] Impostor) Score(
        List<(FingerprintSample A, FingerprintSample B, bool Genuine)> pairs,
        Func<FingerprintTemplate, FingerprintTemplate, double> compare)
    {
        var genuine = new List<double>();
        var impostor = new List<double>();
        foreach (var (a, b, isGenuine) in pairs)
        {
            (isGenuine ? genuine : impostor).Add(compare(a.Template, b.Template));
        }

        return ([.. genuine], [.. impostor]);
    }
}
