namespace OpenAaf.Bench.Fingerprint;

/// <summary>
/// FVC-style error rates from genuine and impostor scores; a comparison is accepted when score ≥ threshold.
/// </summary>
internal static class ErrorRates
{
    /// <summary>FVC2002 definition: EER is the middle of [EERlow, EERhigh] around the crossing of FMR and FNMR.</summary>
    public static double EqualErrorRate(double[] genuine, double[] impostor)
    {
        var thresholds = Thresholds(genuine, impostor);
        (double Fmr, double Fnmr) low = (1, 0), high = (0, 1);
        foreach (var t in thresholds)
        {
            var rates = (Fmr: Fmr(impostor, t), Fnmr: Fnmr(genuine, t));
            if (rates.Fnmr <= rates.Fmr)
            {
                low = rates; // the highest threshold where FNMR has not yet passed FMR
            }
            else
            {
                high = rates; // the lowest threshold where it has
                break;
            }
        }

        return low.Fmr + low.Fnmr <= high.Fmr + high.Fnmr ? (low.Fnmr + low.Fmr) / 2 : (high.Fmr + high.Fnmr) / 2;
    }

    /// <summary>FNMR at the lowest threshold whose FMR is at most the target (0 impostors accepted if need be).</summary>
    public static double FnmrAtFmr(double[] genuine, double[] impostor, double targetFmr)
    {
        foreach (var t in Thresholds(genuine, impostor))
        {
            if (Fmr(impostor, t) <= targetFmr)
            {
                return Fnmr(genuine, t);
            }
        }

        return 1;
    }

    public static double Fmr(double[] impostor, double threshold) =>
        impostor.Length == 0 ? 0 : impostor.Count(s => s >= threshold) / (double)impostor.Length;

    public static double Fnmr(double[] genuine, double threshold) =>
        genuine.Length == 0 ? 0 : genuine.Count(s => s < threshold) / (double)genuine.Length;

    private static IEnumerable<double> Thresholds(double[] genuine, double[] impostor) =>
        genuine.Concat(impostor).Distinct().Order().Append(double.PositiveInfinity);
}
