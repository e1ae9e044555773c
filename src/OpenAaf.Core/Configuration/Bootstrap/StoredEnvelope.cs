namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// The JSON of a stored object: the definition plus its position, because stores return rows in no
/// particular order while configuration order matters (repositories of default_repos, events, chains).
/// </summary>
internal sealed record StoredEnvelope<T>(int Position, T Value);
