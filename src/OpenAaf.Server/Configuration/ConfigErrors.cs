namespace OpenAaf.Server.Configuration;

/// <summary>
/// Collects every error of one load, so the operator sees all of them at once. Errors under a path set
/// by an environment variable name that variable, since the file alone would not explain them.
/// Only the first error of a value is kept: a value that is already wrong (an unset <c>env:</c>
/// variable) would otherwise cascade into errors that say nothing new.
/// </summary>
internal sealed class ConfigErrors
{
    private readonly List<ConfigError> _errors = [];
    private readonly Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ConfigError> All => _errors;
    public int Count => _errors.Count;

    public void Add(string path, string message)
    {
        if (path.Length > 0 && _errors.Any(e => e.Path == path)) return;
        var origin = _origins.FirstOrDefault(o => path.Equals(o.Key, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(o.Key + ".", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(o.Key + "[", StringComparison.OrdinalIgnoreCase));
        _errors.Add(new ConfigError(path, origin.Value is null ? message : $"{message} (set by environment variable {origin.Value})"));
    }

    public void RecordOrigin(string path, string variable) => _origins[path] = variable;
}
