using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>FIDO2:1 (methods.md §10): WebAuthn authenticators; its RP id and origins default to the public URL.</summary>
public static class Fido2Descriptor
{
    public const string Id = "FIDO2:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "FIDO 2.0",
        Policy = PolicyComponent.ForMethod<Fido2MethodOptions>("Fido2Method", Rules, showsPublicUrl: true),
        Outcomes = MethodDescriptor.OutcomesOf(typeof(Fido2Outcomes)),
        Implementation = typeof(Fido2Method),
        Enrollment = typeof(Fido2Method),
    };

    private static IEnumerable<PolicyViolation> Rules(Fido2MethodOptions p) =>
    [
        .. NonEmptyItems("rp_ids", p.RpIds ?? []),
        .. HttpUrls("origins", p.Origins ?? []),
        .. OneOf("user_verification", p.UserVerification, "required", "preferred", "discouraged"),
        .. OneOf("attestation", p.Attestation, "none", "indirect", "direct", "enterprise"),
        .. OneOf("resident_key", p.ResidentKey, "discouraged", "preferred", "required"),
        .. AtLeast("timeout", p.Timeout, 1),
        .. AtLeast("algorithms", p.Algorithms.Count, 1),
    ];
}
