using System.Globalization;
using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>FINGER:1 (methods.md §11): fingerprint minutiae records.</summary>
public static class FingerDescriptor
{
    public const string Id = "FINGER:1";

    private static readonly string[] FingerNames = [.. Enumerable.Range(1, 10).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "Fingerprint",
        Policy = PolicyComponent.ForMethod<FingerMethodOptions>("FingerMethod", Rules),
        Outcomes = MethodDescriptor.OutcomesOf(typeof(FingerOutcomes)),
        Implementation = typeof(FingerMethod),
        Enrollment = typeof(FingerMethod),
    };

    private static IEnumerable<PolicyViolation> Rules(FingerMethodOptions f) =>
    [
        .. Between("threshold", f.Threshold, 0, 100),
        .. Between("fingers_number", f.FingersNumber, 1, 10),
        .. Between("captures_number_per_finger", f.CapturesNumberPerFinger, 1, 10),
        .. AtLeast("min_minutiae", f.MinMinutiae, 0),
        .. f.Fingers.Where(n => !FingerNames.Contains(n)).Select(n => new PolicyViolation("fingers", $"\"{n}\" is not a finger position (\"1\" to \"10\")")),
        .. f.IsFingersSpecified && f.Fingers.Count < f.FingersNumber
            ? [new PolicyViolation("fingers", $"lists fewer fingers than fingers_number ({f.FingersNumber})")]
            : Array.Empty<PolicyViolation>(),
    ];
}
