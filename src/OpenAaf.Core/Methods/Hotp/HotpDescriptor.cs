using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.Hotp;

/// <summary>HOTP:1 (methods.md §6): counter-based one-time passwords, with resynchronisation at enrollment.</summary>
public static class HotpDescriptor
{
    public const string Id = "HOTP:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "HOTP",
        Policy = PolicyComponent.ForMethod<HotpMethodOptions>("HOTPMethod", Rules),
        Outcomes = MethodDescriptor.OutcomesOf(typeof(OtpOutcomes), typeof(HotpOutcomes)),
        Implementation = typeof(HotpMethod),
        Enrollment = typeof(HotpEnrollment),
    };

    private static IEnumerable<PolicyViolation> Rules(HotpMethodOptions p) =>
    [
        .. Between("otp_window", p.OtpWindow, 0, 1000),
        .. OneOf("otp_format", p.OtpFormat, OtpFormats.All),
        .. AtLeast("resync_window", p.ResyncWindow, 1),
    ];
}
