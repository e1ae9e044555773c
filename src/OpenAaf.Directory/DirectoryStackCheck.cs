using System.DirectoryServices.Protocols;
using System.Reflection;

namespace OpenAaf.Directory;

/// <summary>
/// Start-up check of what the directory timeouts rely on (see <see cref="LibLdap"/> and
/// <see cref="NativeLdap"/>): the private native-handle field of S.DS.P's <see cref="LdapConnection"/>,
/// and a libldap with every function OpenAAF calls (user binds go through it directly). A newer
/// S.DS.P that renamed the field would otherwise leave every LDAP call without a timeout: the first
/// directory that accepts connections and never answers would hang logons. The host refuses to
/// start instead, with this message.
/// </summary>
public static class DirectoryStackCheck
{
    /// <summary>Null when the installed stack is usable; otherwise one line saying what is missing.</summary>
    public static string? Problem() => Problem(typeof(LdapConnection));

    /// <summary>The same check against <paramref name="connectionType"/> in place of S.DS.P's connection class.</summary>
    public static string? Problem(Type connectionType)
    {
        ArgumentNullException.ThrowIfNull(connectionType);
        if (LibLdap.FindHandleField(connectionType) is null)
        {
            var assembly = connectionType.Assembly.GetName();
            var version = connectionType.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.Version?.ToString();
            return $"the LDAP timeout mechanism is unavailable: {connectionType.FullName} ({assembly.Name} {version}) has no " +
                $"private SafeHandle field '{LibLdap.HandleFieldName}', so directory calls could not be timed out; " +
                "use the System.DirectoryServices.Protocols version this release was built with";
        }
        if (NativeLdap.Api is null)
            return $"the LDAP timeout mechanism is unavailable: {NativeLdap.Requirement} could not be loaded; install libldap (Debian: libldap-2.5-0)";
        return null;
    }
}
