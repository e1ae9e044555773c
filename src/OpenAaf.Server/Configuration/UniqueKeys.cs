namespace OpenAaf.Server.Configuration;

/// <summary>Reports the second and later use of a name (names bind objects together, so they must be unique).</summary>
internal sealed class UniqueKeys(ConfigErrors errors, string what, StringComparer comparer)
{
    private readonly HashSet<string> _seen = new(comparer);

    public UniqueKeys(ConfigErrors errors, string what) : this(errors, what, StringComparer.OrdinalIgnoreCase)
    {
    }

    public IReadOnlySet<string> Seen => _seen;

    public void Check(string? key, string path)
    {
        if (key is not null && !_seen.Add(key)) errors.Add(path, $"duplicate {what} \"{key}\"");
    }
}
