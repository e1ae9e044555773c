using System.Diagnostics.CodeAnalysis;
using OpenAaf.Core.Configuration.Bootstrap;

namespace OpenAaf.Server.Configuration;

/// <summary>The outcome of loading the configuration: settings and bootstrap document, or every error found.</summary>
public sealed record ConfigLoadResult(OpenAafSettings? Settings, BootstrapDocument? Document, IReadOnlyList<ConfigError> Errors)
{
    [MemberNotNullWhen(true, nameof(Settings), nameof(Document))]
    public bool IsValid => Errors.Count == 0 && Settings is not null && Document is not null;

    public static ConfigLoadResult Failed(IReadOnlyList<ConfigError> errors) => new(null, null, errors);
}
