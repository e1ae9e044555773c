using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.Totp;

/// <summary>TOTP:1 (methods.md §5): time-based one-time passwords, enrolled from the generator or typed in.</summary>
public static class TotpDescriptor
{
    public const string Id = "TOTP:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "TOTP",
        Policy = PolicyComponent.ForMethod<TotpMethodOptions>("TOTPMethod", Rules),
        Outcomes = MethodDescriptor.OutcomesOf(typeof(OtpOutcomes), typeof(TotpOutcomes)),
        Implementation = typeof(TotpMethod),
        Enrollment = typeof(TotpEnrollment),
    };

    private static IEnumerable<PolicyViolation> Rules(TotpMethodOptions p) =>
    [
        .. Between("otp_period", p.OtpPeriod, 1, 3600),
        .. Between("otp_window", p.OtpWindow, 0, 10),
        .. OneOf("otp_format", p.OtpFormat, OtpFormats.All),
    ];
}
