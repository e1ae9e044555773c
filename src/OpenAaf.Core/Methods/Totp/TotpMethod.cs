using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods.Totp;

/// <summary>TOTP:1 — time-based one-time passwords of RFC 6238, logon side (methods.md §5.1).</summary>
public sealed class TotpMethod : IAuthenticationMethod
{
    public string Id => MethodIds.Totp;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => false;

    public ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Answer(context, input));

    private static MethodStep Answer(MethodContext context, MethodInput input)
    {
        var answer = input.GetString("answer");
        if (answer is null)
            return input.HasNonString("answer") ? new MethodStep.Failed(OtpOutcomes.OtpWrong) : new MethodStep.MoreData(OtpOutcomes.OtpRequired, null);

        var secrets = context.Secrets ?? throw new InvalidOperationException("TOTP:1 needs the template secrets.");
        var now = context.Time.GetUtcNow().ToUnixTimeSeconds();
        var window = Math.Max(0, context.Policies.TotpMethod.OtpWindow);
        var replayed = false;
        // methods.md §1.4: any of the user's templates may verify; each has its own last_used_step (§5.3).
        foreach (var template in context.Templates)
        {
            var secret = TotpSecret.Open(secrets, template);
            // §5.1 step 1: the template's own digits decide what a well-formed code is.
            if (OtpCode.Normalize(answer, secret.Digits) is not { } code) continue;
            // §5.1 steps 2–4.
            if (TotpWindow.FindStep(secret, code, now, window, secret.LastUsedStep, out var usedMatch) is { } step)
            {
                // §5.1 step 3: the engine saves this with compare-and-set on the version read; a concurrent
                // request that used the same code first makes this one fail as already used. The sealed secret
                // stays as it is: only the logon state moves.
                var updated = TemplateLogonState.With(template, new TotpLogonState(step));
                return new MethodStep.Passed(template, updated, OtpOutcomes.OtpAlreadyUsed);
            }
            replayed |= usedMatch;
        }
        // §5.1 steps 4 and 5.
        return new MethodStep.Failed(replayed ? OtpOutcomes.OtpAlreadyUsed : OtpOutcomes.OtpWrong);
    }
}
