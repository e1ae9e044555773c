using System.Text.Json;
using OpenAaf.Biometrics.Matching;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// The <c>add</c> operation of methods.md §11.3: validate every capture, group them by finger, check each
/// group's size and consistency and that no finger matches another, then replace those fingers.
/// </summary>
internal static class FingerAddOperation
{
    /// <summary>The working set with the new fingers, or the failure (the engine then resets the working set).</summary>
    public static FingerSet? Apply(EnrollContext context, MethodInput input, FingerSet working, out EnrollStep? failure)
    {
        var policy = context.Policies.FingerMethod;
        failure = null;
        if (!JsonKeys.TryGet(input.Raw, "captures", out var captures) || captures.ValueKind != JsonValueKind.Array || captures.GetArrayLength() == 0)
        {
            failure = FingerEnrollFailures.NotEnoughCaptures(policy.CapturesNumberPerFinger);
            return null;
        }
        if (captures.GetArrayLength() > FingerLimits.MaxCapturesPerAdd)
        {
            failure = FingerEnrollFailures.BadTemplate($"{captures.GetArrayLength()} captures in one add, more than {FingerLimits.MaxCapturesPerAdd}");
            return null;
        }

        var items = new List<FingerCaptureItem>();
        foreach (var (element, index) in captures.EnumerateArray().Select((e, i) => (e, i + 1)))
        {
            if (FingerCaptureItem.Read(element, index, policy, out failure) is not { } item) return null;
            items.Add(item);
        }

        var groups = items.GroupBy(i => i.Finger).ToDictionary(g => g.Key, g => g.Select(i => i.Probe.Views).ToList());
        foreach (var (finger, group) in groups)
        {
            if (group.Count < policy.CapturesNumberPerFinger) failure = FingerEnrollFailures.NotEnoughCaptures(policy.CapturesNumberPerFinger);
            else if (group.Count > FingerLimits.MaxCapturesPerFinger)
                failure = FingerEnrollFailures.BadTemplate($"finger {finger} has {group.Count} captures, more than {FingerLimits.MaxCapturesPerFinger}");
            else if (!Consistent(group, policy.Threshold)) failure = FingerEnrollFailures.Of(FingerOutcomes.FingerCapturesInconsistent);
            if (failure is not null) return null;
        }

        var others = OtherFingers(context, working, groups);
        if (groups.Any(g => g.Value.Any(capture => others.Any(o => o.Finger != g.Key && FingerScore.Matches(capture, o.Views, policy.Threshold)))))
        {
            failure = FingerEnrollFailures.Of(FingerOutcomes.FingerDuplicate);
            return null;
        }

        // §11.3: a valid group replaces that finger's impressions in the working set.
        foreach (var group in items.GroupBy(i => i.Finger))
            working = working.With(group.Key, [.. group.Select(i => i.Probe.ToImpression())]);
        return working;
    }

    /// <summary>§11.3 consistency: each capture matches at least one other capture of its finger.</summary>
    private static bool Consistent(List<IReadOnlyList<FingerprintTemplate>> group, int threshold) =>
        group.Count < 2 ||
        group.Select((capture, i) => group.Where((_, j) => j != i).Any(other => FingerScore.Matches(capture, other, threshold))).All(ok => ok);

    /// <summary>
    /// What a new capture must not match: the other fingers of this add, the working set's fingers that this
    /// add does not replace, and the fingers of the user's templates of other categories (EnrollContext).
    /// </summary>
    private static List<(string Finger, IReadOnlyList<FingerprintTemplate> Views)> OtherFingers(
        EnrollContext context, FingerSet working, Dictionary<string, List<IReadOnlyList<FingerprintTemplate>>> groups)
    {
        var others = groups.SelectMany(g => g.Value.Select(views => (g.Key, views))).ToList();
        others.AddRange(Impressions(working).Where(i => !groups.ContainsKey(i.Finger)));
        foreach (var template in context.OtherTemplates)
            others.AddRange(Impressions(FingerSet.Open(context.Secrets, template)));
        return others;
    }

    private static IEnumerable<(string Finger, IReadOnlyList<FingerprintTemplate> Views)> Impressions(FingerSet set) =>
        set.Fingers.SelectMany(f => f.Value.Select(i => (f.Key, i.Templates())));
}
