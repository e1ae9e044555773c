using System.Text.Json.Nodes;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>The JSON entry of one set: rates as fractions, counts, and the files that could not be read.</summary>
internal static class SetReport
{
    public static JsonObject Build(double[] genuine, double[] impostor, List<(string Path, string Reason)> unreadable)
    {
        var entry = new JsonObject
        {
            ["eer"] = Round(ErrorRates.EqualErrorRate(genuine, impostor)),
            ["fnmr_at_fmr_1e-2"] = Round(ErrorRates.FnmrAtFmr(genuine, impostor, 1e-2)),
            ["fnmr_at_fmr_1e-3"] = Round(ErrorRates.FnmrAtFmr(genuine, impostor, 1e-3)),
            ["fnmr_at_fmr_1e-4"] = Round(ErrorRates.FnmrAtFmr(genuine, impostor, 1e-4)),
            ["fmr_at_score_40"] = Round(ErrorRates.Fmr(impostor, 40)),
            ["fnmr_at_score_40"] = Round(ErrorRates.Fnmr(genuine, 40)),
            ["genuine"] = genuine.Length,
            ["impostor"] = impostor.Length,
        };
        if (unreadable.Count > 0)
        {
            entry["unreadable"] = new JsonArray([.. unreadable.Select(u => (JsonNode?)JsonValue.Create($"{Path.GetFileName(u.Path)}: {u.Reason}"))]);
        }

        return entry;
    }

    public static double Round(double rate) => Math.Round(rate, 5);
}
