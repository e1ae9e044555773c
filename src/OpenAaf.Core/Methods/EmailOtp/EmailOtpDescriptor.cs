using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.EmailOtp;

/// <summary>
/// EMAIL_OTP:1 (methods.md §7), a method of the contract not implemented yet: chains may name it, its policy
/// component is read, shown and checked, and get_recipient answers the user's directory e-mail address; logon
/// and enrollment refuse it with METHOD_NOT_SUPPORTED.
/// </summary>
public static class EmailOtpDescriptor
{
    public const string Id = "EMAIL_OTP:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "Email OTP",
        Policy = PolicyComponent.ForMethod<EmailOtpMethodOptions>("EmailOTPMethod", Rules),
        IsAutoCreated = true,
        Recipient = user => user.Email,
    };

    private static IEnumerable<PolicyViolation> Rules(EmailOtpMethodOptions p) =>
    [
        .. AtLeast("otp_period", p.OtpPeriod, 1),
        .. OneOf("otp_format", p.OtpFormat, OtpFormats.All),
        .. OneOf("email_format", p.EmailFormat, "text", "html"),
        .. AtLeast("max_sent_otp_count", p.MaxSentOtpCount, 1),
    ];
}
