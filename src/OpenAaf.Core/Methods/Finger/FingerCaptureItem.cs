using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>One item of an <c>add</c> operation's <c>captures</c> (methods.md §11.3): a finger id and its capture.</summary>
internal sealed record FingerCaptureItem(string Finger, FingerProbe Probe)
{
    /// <summary>The item, or the failure it causes; <paramref name="index"/> (1-based) names it in details.</summary>
    public static FingerCaptureItem? Read(JsonElement item, int index, FingerMethodOptions policy, out EnrollStep? failure)
    {
        failure = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            failure = FingerEnrollFailures.BadTemplate($"capture {index} is not an object");
            return null;
        }

        // §11.3: Finger 1–10 (string or number), and one of the policy's fingers when it names them.
        var finger = JsonKeys.TryGet(item, "Finger", out var f) ? FingerPositions.Parse(f) : null;
        if (finger is null || (policy.IsFingersSpecified && !policy.Fingers.Any(p => FingerPositions.Parse(p) == finger)))
        {
            failure = FingerEnrollFailures.Of(FingerOutcomes.FingerNotAllowed);
            return null;
        }

        // §11.3: the capture is Image (an object, or a JSON string of one), else ISO and captureStatus on the item.
        var capture = FingerCapture.Of(JsonKeys.TryGet(item, "Image", out var image) && FingerCapture.TryResolve(image, out var resolved)
            ? resolved
            : item);
        if (!capture.StatusIsOk)
        {
            failure = FingerEnrollFailures.Of(FingerOutcomes.FingerEnrollCaptureFailed);
            return null;
        }
        // OpenAAF does not extract minutiae from images: a raw image alone is refused.
        if (!capture.HasIso)
        {
            failure = FingerEnrollFailures.Of(FingerOutcomes.FingerIsoRequired);
            return null;
        }
        if (FingerProbe.Read(capture.Iso, policy.MinMinutiae, FingerLimits.MaxEnrolledViews, out var reason) is not { } probe)
        {
            failure = FingerEnrollFailures.BadTemplate($"capture {index} (finger {finger}): {reason}");
            return null;
        }
        return new FingerCaptureItem(finger, probe);
    }
}
