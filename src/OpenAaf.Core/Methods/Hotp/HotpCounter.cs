using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Methods.Hotp;

/// <summary>Counter searches of RFC 4226 §7.4 as methods.md §6 bounds them.</summary>
public static class HotpCounter
{
    /// <summary>
    /// methods.md §6.1 step 3: the counter value in <c>counter … counter + window</c> whose code is
    /// <paramref name="code"/> (the first one), or null.
    /// </summary>
    public static long? Find(HotpSecret secret, string code, long from, int window)
    {
        for (var c = from; c <= from + window && c >= 0; c++)
            if (OtpCalculator.Matches(secret.Secret, c, secret.Digits, secret.Algorithm, code)) return c;
        return null;
    }

    /// <summary>
    /// methods.md §6.2 "Synchronisation": the smallest c in [start, start + window] where the three codes are
    /// those of c, c+1 and c+2; returns the next counter (c + 3), or null. Codes are already normalised.
    /// </summary>
    public static long? Synchronise(HotpSecret secret, IReadOnlyList<string> codes, long start, int window)
    {
        for (var c = start; c <= start + window && c >= 0; c++)
        {
            var all = true;
            for (var i = 0; i < codes.Count && all; i++)
                all = OtpCalculator.Matches(secret.Secret, c + i, secret.Digits, secret.Algorithm, codes[i]);
            if (all) return c + codes.Count;
        }
        return null;
    }
}
