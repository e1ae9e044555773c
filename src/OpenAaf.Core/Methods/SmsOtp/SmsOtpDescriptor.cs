using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.SmsOtp;

/// <summary>
/// SMS_OTP:1 (methods.md §7), a method of the contract not implemented yet: chains may name it, its policy
/// component is read, shown and checked, and get_recipient answers the user's directory phone number; logon
/// and enrollment refuse it with METHOD_NOT_SUPPORTED.
/// </summary>
public static class SmsOtpDescriptor
{
    public const string Id = "SMS_OTP:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "SMS OTP",
        Policy = PolicyComponent.ForMethod<SmsOtpMethodOptions>("SMSOTPMethod", Rules),
        IsAutoCreated = true,
        Recipient = user => user.MobilePhone,
    };

    private static IEnumerable<PolicyViolation> Rules(SmsOtpMethodOptions p) =>
    [
        .. AtLeast("otp_period", p.OtpPeriod, 1),
        .. OneOf("otp_format", p.OtpFormat, OtpFormats.All),
        .. AtLeast("max_sent_otp_count", p.MaxSentOtpCount, 1),
    ];
}
