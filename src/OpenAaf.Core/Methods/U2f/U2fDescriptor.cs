using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>U2F:1 (methods.md §9): FIDO U2F security keys; its appId defaults to the public URL.</summary>
public static class U2fDescriptor
{
    public const string Id = "U2F:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "U2F",
        Policy = PolicyComponent.ForMethod<U2fMethodOptions>("U2fMethod", Rules, showsPublicUrl: true),
        Outcomes = MethodDescriptor.OutcomesOf(typeof(U2fOutcomes)),
        Implementation = typeof(U2fMethod),
        Enrollment = typeof(U2fMethod),
    };

    private static IEnumerable<PolicyViolation> Rules(U2fMethodOptions p) =>
    [
        .. AtLeast("challenge_timeout", p.ChallengeTimeout, 1),
        .. HttpUrls("facets_prefixes", p.FacetsPrefixes),
    ];
}
