using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// FINGER:1 enrollment (methods.md §11.3): operations on a working set of fingers, which starts from the
/// template named by <c>auth_t_id</c> (or empty) and is kept in the process state between steps. After a
/// failure the engine clears the state, so the working set returns to that start, as the spec asks.
/// </summary>
internal static class FingerEnrollment
{
    public static EnrollStep Step(EnrollContext context, MethodInput input)
    {
        var working = WorkingSet(context);
        var operation = input.IsEmpty ? null : input.GetString("operation");
        if (operation is null)
        {
            // No response (or {}) asks for the current state; anything else without an operation is malformed.
            return input.IsEmpty || FingerCapture.IsEmptyObject(input.Raw) ? Waiting(working) : FingerEnrollFailures.Of(FingerOutcomes.FingerBadOperation);
        }

        EnrollStep? failure;
        switch (operation.ToLowerInvariant())
        {
            case "add":
                return FingerAddOperation.Apply(context, input, working, out failure) is { } added ? Waiting(added) : failure!;
            case "remove":
                return Remove(input, working, out failure) is { } removed ? Waiting(removed) : failure!;
            case "end":
                return FingerEndOperation.Finish(context.Policies.FingerMethod, input, working);
            default:
                return FingerEnrollFailures.Of(FingerOutcomes.FingerBadOperation);
        }
    }

    private static FingerSet WorkingSet(EnrollContext context)
    {
        if (context.State is { } state) return FingerSet.FromBytes(Encoding.UTF8.GetBytes(state));
        return context.Existing is { } existing ? FingerSet.Open(context.Secrets, existing) : FingerSet.Empty;
    }

    /// <summary>MORE_DATA OAAF-3104 with <c>finger_positions</c>; the working set becomes the process state.</summary>
    private static EnrollStep.MoreData Waiting(FingerSet working) =>
        new(FingerOutcomes.FingerWaitingCaptures, Encoding.UTF8.GetString(working.ToBytes()))
        {
            Extras = new Dictionary<string, JsonNode?> { ["finger_positions"] = FingerPositions.ToJson(working.Fingers.Keys) },
        };

    /// <summary>§11.3 <c>remove</c>: <c>fingers</c> is a list of finger ids; fingers not in the working set are ignored.</summary>
    private static FingerSet? Remove(MethodInput input, FingerSet working, out EnrollStep? failure)
    {
        failure = null;
        if (!JsonKeys.TryGet(input.Raw, "fingers", out var fingers) || fingers.ValueKind != JsonValueKind.Array)
        {
            failure = FingerEnrollFailures.Of(FingerOutcomes.FingerBadOperation);
            return null;
        }
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in fingers.EnumerateArray())
        {
            if (FingerPositions.Parse(value) is not { } finger)
            {
                failure = FingerEnrollFailures.Of(FingerOutcomes.FingerNotAllowed);
                return null;
            }
            removed.Add(finger);
        }
        return working.Without(removed);
    }
}
