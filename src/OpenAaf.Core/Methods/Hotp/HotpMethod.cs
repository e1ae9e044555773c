using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods.Hotp;

/// <summary>HOTP:1 — counter-based one-time passwords of RFC 4226, logon side (methods.md §6.1).</summary>
public sealed class HotpMethod : IAuthenticationMethod
{
    public string Id => MethodIds.Hotp;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => false;

    public ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Answer(context, input));

    private static MethodStep Answer(MethodContext context, MethodInput input)
    {
        var answer = input.GetString("answer");
        if (answer is null)
            return input.HasNonString("answer") ? new MethodStep.Failed(OtpOutcomes.OtpWrong) : new MethodStep.MoreData(OtpOutcomes.OtpRequired, null);

        var secrets = context.Secrets ?? throw new InvalidOperationException("HOTP:1 needs the template secrets.");
        var window = Math.Max(0, context.Policies.HotpMethod.OtpWindow);
        // methods.md §1.4: any of the user's templates may verify.
        foreach (var template in context.Templates)
        {
            var secret = HotpSecret.Open(secrets, template);
            // §6.1 steps 1 and 2: YubiKey prefix, then exactly `digits` digits.
            var code = OtpCode.Normalize(OtpCode.StripPublicId(answer, secret.TokenPublicId, secret.Digits), secret.Digits);
            if (code is null) continue;
            // §6.1 step 3: look ahead from the stored counter; the engine saves counter = c + 1 with compare-and-set,
            // and a concurrent request that used the same code first makes this one fail as already used. The
            // sealed secret stays as it is: only the logon state moves.
            if (HotpCounter.Find(secret, code, secret.Counter, window) is { } c)
            {
                var updated = TemplateLogonState.With(template, new HotpLogonState(c + 1));
                return new MethodStep.Passed(template, updated, OtpOutcomes.OtpAlreadyUsed);
            }
        }
        // A replayed code is below the counter and therefore simply wrong.
        return new MethodStep.Failed(OtpOutcomes.OtpWrong);
    }
}
