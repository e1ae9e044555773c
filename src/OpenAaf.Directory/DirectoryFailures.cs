using System.DirectoryServices.Protocols;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>The <see cref="DirectoryUnavailableException"/>s of a repository; messages never carry credentials.</summary>
internal static class DirectoryFailures
{
    public static DirectoryUnavailableException Unavailable(RepositoryDefinition repository, Exception e)
    {
        if (e is LdapException { ErrorCode: 49 })
            return new DirectoryUnavailableException($"Repository {repository.Name}: the service account bind was refused ({LdapErrors.Describe(e)}).", e);
        return new DirectoryUnavailableException($"Repository {repository.Name}: directory error ({LdapErrors.Describe(e)}).", e);
    }

    public static DirectoryUnavailableException NoServer(RepositoryDefinition repository, Exception last) =>
        new($"Repository {repository.Name}: no directory server reachable ({LdapErrors.Describe(last)}).", last);
}
