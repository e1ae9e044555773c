using OpenAaf.Server.Configuration;

namespace OpenAaf.Server.Tests.Configuration;

/// <summary>A temporary directory holding a configuration file and the files it names.</summary>
public sealed class ConfigTestDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "openaaf-config-" + Guid.NewGuid().ToString("N"));

    public ConfigTestDirectory() => System.IO.Directory.CreateDirectory(Path);

    public string ConfigFile => System.IO.Path.Combine(Path, "openaaf.jsonc");

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public ConfigLoadResult Load(string json, params (string Name, string Value)[] environment) =>
        ConfigFileLoader.LoadText(json, ConfigFile, Env(environment));

    public static Dictionary<string, string> Env(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Path)) System.IO.Directory.Delete(Path, recursive: true);
    }
}
