using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Methods.Totp;

/// <summary>The look-around of methods.md §5.1 step 2 (RFC 6238 §4 with T0 = 0, §5.2 for the window).</summary>
public static class TotpWindow
{
    /// <summary>
    /// The first step after <paramref name="lastUsedStep"/> whose code is <paramref name="code"/>, trying
    /// T, T−1, T+1, …, T−w, T+w in that order (the nearest step wins). <paramref name="usedMatch"/> tells
    /// whether the code matched only a step that was already used (§5.1 step 4: replay).
    /// </summary>
    public static long? FindStep(TotpSecret secret, string code, long unixSeconds, int window, long lastUsedStep, out bool usedMatch)
    {
        usedMatch = false;
        var current = StepAt(unixSeconds, secret.Period);
        for (var distance = 0; distance <= window; distance++)
        {
            for (var sign = -1; sign <= 1; sign += 2)
            {
                if (distance == 0 && sign > 0) break;
                var step = current + sign * distance;
                if (step < 0 || !OtpCalculator.Matches(secret.Secret, step, secret.Digits, secret.Algorithm, code)) continue;
                if (step > lastUsedStep) return step;
                usedMatch = true;
            }
        }
        return null;
    }

    /// <summary>RFC 6238 §4.2: T = floor((unix time − T0) / X), with T0 = 0.</summary>
    public static long StepAt(long unixSeconds, int period) =>
        unixSeconds >= 0 ? unixSeconds / period : (unixSeconds - period + 1) / period;
}
