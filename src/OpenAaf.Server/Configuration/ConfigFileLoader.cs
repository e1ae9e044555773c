using System.Collections;
using System.Text.Json.Nodes;
using OpenAaf.Core.Methods;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// Loads the configuration (operations.md): the file of <c>--config</c> / <c>OPENAAF_CONFIG</c>, or the
/// embedded default; then environment overrides, then <c>env:NAME</c> secrets, then validation of
/// everything. Either the result is valid, or it carries every error found, one per line. Chains and policy
/// components are checked against a method catalogue: the built-in methods unless the caller names another.
/// </summary>
public static class ConfigFileLoader
{
    public static ConfigLoadResult Load(IReadOnlyList<string> args) => Load(args, ProcessEnvironment());

    public static ConfigLoadResult Load(IReadOnlyList<string> args, MethodCatalog methods) => Load(args, ProcessEnvironment(), methods);

    public static ConfigLoadResult Load(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, MethodCatalog? methods = null)
    {
        var errors = new ConfigErrors();
        var path = ConfigFileLocator.Locate(args, environment, errors);
        if (errors.Count > 0) return ConfigLoadResult.Failed(errors.All);
        if (path is null) return LoadEmbedded(environment, dataDirectory: null, methods);
        if (!File.Exists(path))
            return ConfigLoadResult.Failed([new ConfigError("", $"configuration file not found: {path}")]);
        return LoadText(File.ReadAllText(path), path, environment, methods);
    }

    /// <summary>Loads configuration text as if it were the file <paramref name="path"/>.</summary>
    public static ConfigLoadResult LoadText(
        string text, string path, IReadOnlyDictionary<string, string> environment, MethodCatalog? methods = null)
    {
        var errors = new ConfigErrors();
        var root = ConfigJsonText.Parse(text, path, errors);
        return root is null ? ConfigLoadResult.Failed(errors.All) : LoadTree(root, path, environment, errors, methods);
    }

    /// <summary>The embedded default; <paramref name="dataDirectory"/> replaces <c>./data</c> (tests).</summary>
    internal static ConfigLoadResult LoadEmbedded(
        IReadOnlyDictionary<string, string> environment, string? dataDirectory, MethodCatalog? methods = null)
    {
        var root = EmbeddedDefault.Create();
        if (dataDirectory is not null) root["storage"]![SettingsReader.DataDirectoryKey] = dataDirectory;
        return LoadTree(root, null, environment, new ConfigErrors(), methods);
    }

    private static ConfigLoadResult LoadTree(
        JsonObject root, string? path, IReadOnlyDictionary<string, string> environment, ConfigErrors errors, MethodCatalog? methods)
    {
        EnvironmentOverrides.Apply(root, environment, errors);
        EnvReferenceResolver.Resolve(root, "", environment, errors);
        var demoCredentials = path is null ? DemoCredentials.Inject(root, errors) : null;
        // Note: without its credentials the embedded default cannot be valid; say why once, not per field.
        if (path is null && demoCredentials is null) return ConfigLoadResult.Failed(errors.All);
        var reader = ConfigObject.From(root, "", errors)!;
        // Note: files named in the configuration are relative to it; the data directory to the working directory.
        var baseDirectory = path is null ? System.IO.Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var settings = SettingsReader.Read(reader, path, baseDirectory);
        var document = BootstrapReader.Read(reader, baseDirectory, methods ?? BuiltInMethods.Catalog);
        reader.RefuseUnknownKeys();
        return errors.Count > 0
            ? ConfigLoadResult.Failed(errors.All)
            : new ConfigLoadResult(settings with { DemoCredentialsPath = demoCredentials }, document, []);
    }

    private static Dictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
}
