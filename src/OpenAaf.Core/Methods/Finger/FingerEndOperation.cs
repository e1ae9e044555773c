using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// The <c>end</c> operation of methods.md §11.3: the working set becomes the template. Its display data
/// names the fingers only; the impressions go into the sealed payload.
/// </summary>
internal static class FingerEndOperation
{
    public static EnrollStep Finish(FingerMethodOptions policy, MethodInput input, FingerSet working)
    {
        // duress_finger_index: "" or null is none; kept only when the policy enables duress fingers, and then
        // it must be one of the working set's fingers.
        string? duress = null;
        if (policy.EnableDuressFinger)
        {
            if (input.HasNonString("duress_finger_index")) return FingerEnrollFailures.Of(FingerOutcomes.FingerNotAllowed);
            if (input.GetString("duress_finger_index") is { Length: > 0 } requested)
            {
                duress = FingerPositions.Parse(requested);
                if (duress is null || !working.Fingers.ContainsKey(duress)) return FingerEnrollFailures.Of(FingerOutcomes.FingerNotAllowed);
            }
        }

        // The duress finger does not count: a user must be able to log on without raising the alarm.
        if (working.Fingers.Count - (duress is null ? 0 : 1) < policy.FingersNumber)
            return FingerEnrollFailures.NotEnoughFingers(policy.FingersNumber);

        var final = working with
        {
            DuressFingerIndex = duress,
            MultiFingerReaderMode = policy.ForceMultiFingerScan || Flag(input, "multi_finger_reader_mode"),
        };
        return new EnrollStep.Done(new EnrolledAuthenticator(Data(final), final.ToBytes()));
    }

    /// <summary>The template's <c>data</c>: <c>{"finger_positions": ["2", "7"], "duress_finger_index": null, "multi_finger_reader_mode": false}</c>.</summary>
    public static string Data(FingerSet set) => new JsonObject
    {
        ["finger_positions"] = FingerPositions.ToJson(set.Fingers.Keys),
        ["duress_finger_index"] = set.DuressFingerIndex,
        ["multi_finger_reader_mode"] = set.MultiFingerReaderMode,
    }.ToJsonString();

    /// <summary>api.md §1.3 rule 6: true/false or the strings "true"/"false"; anything else is false.</summary>
    private static bool Flag(MethodInput input, string key) =>
        JsonKeys.TryGet(input.Raw, key, out var v) &&
        (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.String && string.Equals(v.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
}
