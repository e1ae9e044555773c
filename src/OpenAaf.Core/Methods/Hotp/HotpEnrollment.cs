using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Methods.Hotp;

/// <summary>HOTP:1 enrollment and resynchronisation (methods.md §6.2).</summary>
public sealed class HotpEnrollment : IEnrollableMethod
{
    private static readonly string[] CodeKeys = ["hotp1", "hotp2", "hotp3"];

    public string Id => MethodIds.Hotp;

    public ValueTask<EnrollStep> EnrollAsync(EnrollContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Enroll(context, input));

    private static EnrollStep Enroll(EnrollContext context, MethodInput input)
    {
        var policy = context.Policies.HotpMethod;
        var serial = OtpInput.Text(input, "serial");
        var publicId = OtpInput.Text(input, "token_public_id");
        var codes = CodeKeys.Select(k => OtpInput.Text(input, k)).ToArray();
        var codeCount = codes.Count(c => c is not null);
        // hotp1..3 synchronise together or not at all.
        if (codeCount is > 0 and < 3) return DataRequired;
        if (input.HasNonString("secret")) return new EnrollStep.Failed(OtpOutcomes.OtpSecretInvalid);

        HotpSecret secret;
        long start;
        if (OtpInput.Text(input, "secret") is { } text)
        {
            // Case "own secret": hex, or base32, detected as for TOTP manual entry.
            if (OtpSecretText.TryDecode(text, OtpSecretEncoding.Detect) is not { } bytes) return new EnrollStep.Failed(OtpOutcomes.OtpSecretInvalid);
            secret = new HotpSecret { Secret = bytes, Digits = OtpCode.DigitsOf(policy.OtpFormat), Serial = serial, TokenPublicId = publicId };
            start = 0;
        }
        else if (context.Existing is { } existing)
        {
            // Case "resynchronise" (auth_t_id): the template's own secret, searched from its stored counter.
            // Clients resend the template's serial with the codes, so a serial here does not mean a token import.
            if (codeCount == 0) return DataRequired;
            var stored = HotpSecret.Open(context.Secrets, existing);
            secret = stored with { Serial = serial ?? stored.Serial, TokenPublicId = publicId ?? stored.TokenPublicId };
            start = stored.Counter;
        }
        else if (serial is not null)
        {
            // Case "imported token": the administrator import that would know this serial does not exist yet.
            return codeCount == 0 ? DataRequired : new EnrollStep.Failed(OtpOutcomes.TokenNotFound);
        }
        else
        {
            return DataRequired;
        }

        if (codeCount == 3)
        {
            var normalized = codes.Select(c => OtpCode.Normalize(OtpCode.StripPublicId(c!, secret.TokenPublicId, secret.Digits), secret.Digits)).ToArray();
            if (normalized.Any(c => c is null) ||
                HotpCounter.Synchronise(secret, normalized!, start, Math.Max(0, policy.ResyncWindow)) is not { } next)
                return new EnrollStep.Failed(HotpOutcomes.HotpSyncFailed);
            secret = secret with { Counter = next };
        }
        return new EnrollStep.Done(new EnrolledAuthenticator(secret.DisplayData(), secret.ToBytes()));
    }

    private static EnrollStep DataRequired => new EnrollStep.MoreData(Outcomes.DataRequired, null);
}
