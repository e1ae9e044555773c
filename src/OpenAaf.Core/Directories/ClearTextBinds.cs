using OpenAaf.Core.Configuration;

namespace OpenAaf.Core.Directories;

/// <summary>
/// Repositories whose user binds cross the network unencrypted: an <c>ldap://</c> URL without StartTLS
/// sends every password checked by LDAP_PASSWORD:1 in clear text. Allowed (test directories, loopback),
/// but named in a warning at start and in <c>/health/ready</c>.
/// </summary>
public static class ClearTextBinds
{
    public const string Warning = "ldap:// without StartTLS: user passwords cross the network in clear text";

    public static bool Applies(RepositoryDefinition repository) =>
        repository.IsDirectory && !repository.StartTls
        && repository.Urls.Any(url => url.TrimStart().StartsWith("ldap://", StringComparison.OrdinalIgnoreCase));
}
