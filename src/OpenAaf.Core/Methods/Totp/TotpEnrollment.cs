using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Methods.Totp;

/// <summary>TOTP:1 enrollment (methods.md §5.2): the secret from the generator (§5.4) or typed in; <c>data</c> is <c>{}</c>.</summary>
public sealed class TotpEnrollment : IEnrollableMethod
{
    private const int MinPeriod = 10;
    private const int MaxPeriod = 300;

    public string Id => MethodIds.Totp;

    public ValueTask<EnrollStep> EnrollAsync(EnrollContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Enroll(context, input));

    private static EnrollStep Enroll(EnrollContext context, MethodInput input)
    {
        var policy = context.Policies.TotpMethod;
        // §5.2 form "hardware token" comes first. Tokens are imported by an administrator API that does not
        // exist yet, so no serial can be known.
        if (OtpInput.Text(input, "serial") is not null)
            return OtpInput.Text(input, "otp") is null ? DataRequired : new EnrollStep.Failed(OtpOutcomes.TokenNotFound);

        if (input.HasNonString("secret")) return new EnrollStep.Failed(OtpOutcomes.OtpSecretInvalid);
        if (OtpInput.Text(input, "secret") is not { } text) return DataRequired;

        // §5.2 form "generated (QR)" is recognised by its is_base32_secret key; without it the form is "manual".
        var isBase32 = OtpInput.Flag(input, "is_base32_secret", out var generated);
        if (generated && isBase32 is null) return new EnrollStep.Failed(OtpOutcomes.OtpSecretInvalid);
        if (!generated && !policy.AllowManualEnrollment) return new EnrollStep.Failed(TotpOutcomes.ManualEnrollmentDisabled);
        var encoding = !generated ? OtpSecretEncoding.Detect : isBase32 == true ? OtpSecretEncoding.Base32 : OtpSecretEncoding.Hex;

        var period = OtpInput.Integer(input, "period", policy.OtpPeriod) ?? -1;
        var bytes = OtpSecretText.TryDecode(text, encoding);
        if (bytes is null || period is < MinPeriod or > MaxPeriod) return new EnrollStep.Failed(OtpOutcomes.OtpSecretInvalid);

        var secret = new TotpSecret { Secret = bytes, Digits = OtpCode.DigitsOf(policy.OtpFormat), Period = (int)period };
        if (OtpInput.Text(input, "otp") is { } otp)
        {
            // The optional code is checked as §5.1 steps 1–2; its step becomes last_used_step, so the code typed
            // to prove the app works cannot also be used to log on.
            var code = OtpCode.Normalize(otp, secret.Digits);
            var now = context.Time.GetUtcNow().ToUnixTimeSeconds();
            if (code is null || TotpWindow.FindStep(secret, code, now, Math.Max(0, policy.OtpWindow), -1, out _) is not { } step)
                return new EnrollStep.Failed(TotpOutcomes.OtpVerificationFailed);
            secret = secret with { LastUsedStep = step };
        }
        return new EnrollStep.Done(new EnrolledAuthenticator("{}", secret.ToBytes()));
    }

    private static EnrollStep DataRequired => new EnrollStep.MoreData(Outcomes.DataRequired, null);
}
