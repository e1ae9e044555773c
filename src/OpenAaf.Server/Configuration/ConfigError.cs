namespace OpenAaf.Server.Configuration;

/// <summary>One configuration error, located by its JSON path (<c>bootstrap.chains[1].methods[0]</c>).</summary>
public sealed record ConfigError(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
