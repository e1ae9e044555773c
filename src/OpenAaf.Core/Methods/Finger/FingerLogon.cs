using System.Text.Json.Nodes;
using OpenAaf.Biometrics.Matching;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Telemetry;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>FINGER:1 logon (methods.md §11.2): one capture, compared with every enrolled impression.</summary>
internal static class FingerLogon
{
    public static MethodStep Answer(MethodContext context, MethodInput input, OpenAafMetrics? metrics = null)
    {
        var policy = context.Policies.FingerMethod;
        // §11.2: a response without capture, or with an empty one, counts as no response.
        if (input.IsEmpty || !JsonKeys.TryGet(input.Raw, "capture", out var value)) return Waiting;
        if (!FingerCapture.TryResolve(value, out var raw)) return new MethodStep.Failed(FingerOutcomes.FingerBadTemplate);
        if (FingerCapture.IsEmptyObject(raw)) return Waiting;
        var capture = FingerCapture.Of(raw);

        // §11.2 step 1.
        if (capture.IsFakeFinger) return new MethodStep.Failed(FingerOutcomes.FingerFake);
        if (!capture.StatusIsOk)
            return new MethodStep.Failed(FingerOutcomes.FingerCaptureFailed) { Extras = Extra("capture_status", JsonValue.Create(capture.Status)) };

        // §11.2 step 2. The reason stays out of the reply and the logs: logon replies carry no detail (api.md §11.4).
        if (!capture.HasIso || FingerProbe.Read(capture.Iso, policy.MinMinutiae, FingerLimits.MaxProbeViews, out _) is not { } probe)
            return new MethodStep.Failed(FingerOutcomes.FingerBadTemplate);

        // §11.2 step 3 (and api.md §4.5): the best score over every finger of every eligible template.
        var secrets = context.Secrets ?? throw new InvalidOperationException("FINGER:1 needs the template secrets.");
        var (best, template, comparisons) = BestMatch(secrets, context.Templates, probe.Views);
        metrics?.FingerComparisons(comparisons);
        var score = FingerScore.ToWire(best);
        var extras = Extra("score", JsonValue.Create(score));
        // §11.2 step 4: a duress finger passes like any other finger. The DURESS audit event needs an engine
        // hook that MethodStep does not have yet, so it is not raised.
        return score >= policy.Threshold && template is not null
            ? new MethodStep.Passed(template) { Extras = extras }
            : new MethodStep.Failed(FingerOutcomes.FingerNoMatch) { Extras = extras };
    }

    /// <summary>The best score and its template, and how many view pairs the matcher compared to find it.</summary>
    private static (double Score, Template? Template, long Comparisons) BestMatch(
        TemplateSecrets secrets, IReadOnlyList<Template> templates, IReadOnlyList<FingerprintTemplate> probe)
    {
        var best = (Score: -1.0, Template: (Template?)null);
        long comparisons = 0;
        foreach (var template in templates)
        {
            var enrolled = FingerSet.Open(secrets, template);
            foreach (var impression in enrolled.Fingers.Values.SelectMany(i => i))
            {
                var views = impression.Templates();
                var score = FingerScore.Best(probe, views);
                // FingerScore.Best compares every view of the probe with every view of the impression.
                comparisons += (long)probe.Count * views.Count;
                if (score > best.Score) best = (score, template);
            }
        }
        return best.Template is null ? (0, null, comparisons) : (best.Score, best.Template, comparisons);
    }

    private static MethodStep Waiting => new MethodStep.MoreData(FingerOutcomes.FingerWaitingCapture, null);

    private static Dictionary<string, JsonNode?> Extra(string key, JsonNode? value) => new() { [key] = value };
}
