namespace OpenAaf.Core.Policies;

/// <summary>The small range and vocabulary checks that policy rules are made of.</summary>
public static class PolicyChecks
{
    public static IEnumerable<PolicyViolation> AtLeast(string field, int value, int min)
    {
        if (value < min) yield return new(field, $"must be at least {min}");
    }

    public static IEnumerable<PolicyViolation> Between(string field, int value, int min, int max)
    {
        if (value < min || value > max) yield return new(field, $"must be between {min} and {max}");
    }

    public static IEnumerable<PolicyViolation> OneOf(string field, string value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
            yield return new(field, $"\"{value}\" is not one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}");
    }

    public static IEnumerable<PolicyViolation> NotSupported(string field, bool value)
    {
        if (value) yield return new(field, "true is not supported in this version");
    }

    public static IEnumerable<PolicyViolation> NotAbove(string field, int value, string limitField, int limit)
    {
        if (value > limit) yield return new(field, $"must not exceed {limitField} ({limit})");
    }

    /// <summary>Absolute http(s) URLs (origins, gateways); <paramref name="allowEmpty"/> for "none configured".</summary>
    public static IEnumerable<PolicyViolation> HttpUrls(string field, IEnumerable<string> values, bool allowEmpty = false)
    {
        foreach (var value in values)
        {
            if (allowEmpty && value.Length == 0) continue;
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new(field, $"\"{value}\" is not an http:// or https:// URL");
        }
    }

    public static IEnumerable<PolicyViolation> NonEmptyItems(string field, IEnumerable<string> values)
    {
        if (values.Any(v => v.Trim().Length == 0)) yield return new(field, "must not contain empty values");
    }
}
