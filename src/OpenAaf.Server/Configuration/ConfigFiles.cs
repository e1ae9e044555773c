namespace OpenAaf.Server.Configuration;

/// <summary>Files named by the configuration (certificates, keys): relative to the configuration file, and checked to exist.</summary>
internal static class ConfigFiles
{
    public static string? Resolve(string? path, string baseDirectory) =>
        path is null || path.Length == 0 ? path : Path.GetFullPath(path, baseDirectory);

    public static void Check(ConfigObject owner, string key, string path)
    {
        if (!File.Exists(path)) owner.Errors.Add(owner.PathOf(key), $"file not found: {path}");
    }
}
