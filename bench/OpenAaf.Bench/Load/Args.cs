using System.Globalization;

namespace OpenAaf.Bench.Load;

/// <summary>Tiny <c>--name value</c> parser for the load commands.</summary>
internal sealed class Args(string[] args)
{
    public string Get(string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary>Fills <c>{0}</c> of a template with a 1-based, two-digit user number.</summary>
    public static string Fill(string template, int user) =>
        template.Replace("{0}", user.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
