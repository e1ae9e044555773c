namespace OpenAaf.Server.Configuration;

/// <summary>Finds the configuration file: <c>--config FILE</c> (or <c>--config=FILE</c>) first, then <c>OPENAAF_CONFIG</c>.</summary>
internal static class ConfigFileLocator
{
    public const string Variable = "OPENAAF_CONFIG";

    /// <summary>The file path, or null for the embedded default; a <c>--config</c> without a value is an error.</summary>
    public static string? Locate(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, ConfigErrors errors)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--config=", StringComparison.Ordinal)) return NonEmpty(args[i]["--config=".Length..], errors);
            if (args[i] != "--config") continue;
            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) return NonEmpty(args[i + 1], errors);
            errors.Add("", "--config needs a file name");
            return null;
        }
        return environment.TryGetValue(Variable, out var file) && file.Length > 0 ? file : null;
    }

    private static string? NonEmpty(string file, ConfigErrors errors)
    {
        if (file.Length > 0) return file;
        errors.Add("", "--config needs a file name");
        return null;
    }
}
