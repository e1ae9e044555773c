using OpenAaf.Core.Configuration;

namespace OpenAaf.Core.Directories;

/// <summary>
/// One user repository as the logon engine sees it. Expected outcomes (not found, wrong password,
/// disabled account, …) are values; an unreachable directory throws <see cref="DirectoryUnavailableException"/>.
/// </summary>
public interface IUserDirectory
{
    RepositoryDefinition Repository { get; }

    /// <summary>Finds the account whose login name (the repository's user filter) is <paramref name="loginName"/>.</summary>
    ValueTask<DirectoryLookup> FindByLoginAsync(string loginName, CancellationToken cancellationToken);

    /// <summary>Finds the account whose <c>userPrincipalName</c> is <paramref name="upn"/> (AD and AD-flavoured LDAP).</summary>
    ValueTask<DirectoryLookup> FindByUpnAsync(string upn, CancellationToken cancellationToken);

    /// <summary>Re-reads an account found before, by its object id (<see cref="DirectoryUser.ObjectId"/>).</summary>
    ValueTask<DirectoryLookup> FindByObjectIdAsync(string objectId, CancellationToken cancellationToken);

    /// <summary>Binds as the user. Never called with an empty password (an unauthenticated bind succeeds).</summary>
    ValueTask<PasswordCheck> VerifyPasswordAsync(DirectoryUser user, string password, CancellationToken cancellationToken);

    /// <summary>Whether the last directory call reached a server (directories that have no server stay unknown).</summary>
    DirectoryReachability Reachability => DirectoryReachability.Unknown;
}

/// <summary>Creates the directory of a repository definition; the LOCAL repository has its own.</summary>
public interface IUserDirectoryFactory
{
    IUserDirectory Create(RepositoryDefinition repository);
}
