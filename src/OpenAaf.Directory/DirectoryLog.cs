using Microsoft.Extensions.Logging;

namespace OpenAaf.Directory;

/// <summary>
/// The directory's log lines, source-generated: structured fields, no formatting unless the level is on. Never a
/// password; LDAP error descriptions carry result codes and server messages only.
/// </summary>
internal static partial class DirectoryLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Repository {Repository}: pooled {Kind} connection failed ({Error}); reconnecting")]
    public static partial void PooledConnectionFailed(this ILogger logger, string repository, string kind, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Repository {Repository}: {Server} unavailable for a {Kind} ({Error})")]
    public static partial void ServerUnavailable(this ILogger logger, string repository, LdapServerUrl server, string kind, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Repository {Repository}: entry {Dn} has neither objectGUID nor entryUUID; ignored")]
    public static partial void EntryWithoutObjectId(this ILogger logger, string repository, string dn);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Repository {Repository}: in-chain group search failed ({Error}); walking {Attribute}")]
    public static partial void InChainSearchFailed(this ILogger logger, string repository, string error, string attribute);
}
