namespace OpenAaf.Core.Directories;

/// <summary>An account as read from a repository: identity attributes and group names.</summary>
public sealed record DirectoryUser
{
    public required string RepositoryName { get; init; }
    /// <summary>The login name in the directory's spelling (sAMAccountName, uid, LOCAL name).</summary>
    public required string LoginName { get; init; }
    /// <summary>The object's id as 32 lowercase hex: AD objectGUID bytes, LDAP entryUUID without dashes, LOCAL a generated id.</summary>
    public required string ObjectId { get; init; }
    public string? DistinguishedName { get; init; }
    public string? UserPrincipalName { get; init; }
    /// <summary>Raw objectSid bytes, when the entry has one.</summary>
    public byte[]? Sid { get; init; }
    public string? CommonName { get; init; }
    public string? GivenName { get; init; }
    public string? Email { get; init; }
    public string? MobilePhone { get; init; }
    /// <summary>Names (cn) of the groups the user belongs to, directly or nested.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
}

public enum LookupStatus { Found, NotFound, Ambiguous }

public readonly record struct DirectoryLookup(LookupStatus Status, DirectoryUser? User)
{
    public static DirectoryLookup NotFound => new(LookupStatus.NotFound, null);
    public static DirectoryLookup Ambiguous => new(LookupStatus.Ambiguous, null);
    public static DirectoryLookup Found(DirectoryUser user) => new(LookupStatus.Found, user);
}

/// <summary>Result of a user bind, mapped from LDAP result codes and AD sub-codes (methods.md §2).</summary>
public enum PasswordCheck
{
    Ok,
    Wrong,
    LogonNotPermitted,
    PasswordExpired,
    AccountDisabled,
    AccountExpired,
    MustChange,
    AccountLocked,
}

/// <summary>The directory cannot be reached or answered with a server-side error (HTTP 503).</summary>
public sealed class DirectoryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
