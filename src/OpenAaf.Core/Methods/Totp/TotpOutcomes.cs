using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Totp;

/// <summary>The catalogue entries of tOTP:1 enrollment (methods.md §5.2, api.md §11.5).</summary>
public static class TotpOutcomes
{
    public static readonly Outcome OtpVerificationFailed = new("OAAF-3115", "OTP_VERIFICATION_FAILED", "One-time password does not match the token");
    public static readonly Outcome ManualEnrollmentDisabled = new("OAAF-3143", "MANUAL_ENROLLMENT_DISABLED", "Manual secret entry is not allowed");
}
