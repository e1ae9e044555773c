using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Otp;

/// <summary>
/// The catalogue entries of the one-time-password methods TOTP:1 and HOTP:1 (methods.md §5, §6): logon (api.md
/// §11.4) and enrollment (§11.5).
/// </summary>
public static class OtpOutcomes
{
    public static readonly Outcome OtpWrong = new("OAAF-2121", "OTP_WRONG", "Incorrect one-time password", CountsForLockout: true);
    public static readonly Outcome OtpAlreadyUsed = new("OAAF-2122", "OTP_ALREADY_USED", "One-time password has already been used", CountsForLockout: true);
    public static readonly Outcome OtpRequired = new("OAAF-2127", "OTP_REQUIRED", "Enter the one-time password");
    public static readonly Outcome OtpSecretInvalid = new("OAAF-3114", "OTP_SECRET_INVALID", "Secret is not valid");
    public static readonly Outcome TokenNotFound = new("OAAF-3116", "TOKEN_NOT_FOUND", "Token is not found");
}
