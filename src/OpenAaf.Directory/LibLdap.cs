using System.DirectoryServices.Protocols;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OpenAaf.Directory;

/// <summary>
/// The reach into the S.DS.P connections that service-account searches use, for two gaps of
/// S.DS.P 10.0.x on Linux (measured, see the tests):
/// <list type="bullet">
/// <item><c>Bind()</c> calls <c>ldap_sasl_bind_s</c>, which waits forever on a server that accepts
/// the TCP connection but never answers, unless the handle has <c>LDAP_OPT_TIMEOUT</c>; S.DS.P never sets it.</item>
/// <item>Search results are awaited with a <c>timeval</c> of the Windows layout (two ints), which
/// libldap reads as two longs: the timeout becomes about 71 minutes. We therefore remember the socket
/// and shut it down from a watchdog (see <see cref="OperationWatchdog"/>).</item>
/// </list>
/// The native handle is S.DS.P's private field <see cref="HandleFieldName"/>, read by reflection.
/// Without it no directory call could be timed out, so <see cref="DirectoryStackCheck"/> refuses to
/// start the server when it is missing, rather than hang on the first dead directory.
/// </summary>
internal static unsafe class LibLdap
{
    public const string HandleFieldName = "_ldapHandle";
    private const int ShutRdWr = 2;

    private static readonly FieldInfo? HandleField = FindHandleField(typeof(LdapConnection));

    /// <summary>True when timeouts and the socket watchdog are available.</summary>
    public static bool Available => HandleField is not null && NativeLdap.Api is not null;

    /// <summary>The private native-handle field of <paramref name="connectionType"/>, when it is a SafeHandle.</summary>
    public static FieldInfo? FindHandleField(Type connectionType) =>
        connectionType.GetField(HandleFieldName, BindingFlags.Instance | BindingFlags.NonPublic) is { } field
        && typeof(SafeHandle).IsAssignableFrom(field.FieldType)
            ? field
            : null;

    /// <summary>Sets the connect (network) and synchronous-call timeouts on the connection's handle.</summary>
    public static bool TrySetTimeouts(LdapConnection connection, TimeSpan timeout)
    {
        var api = NativeLdap.Api;
        var handle = GetHandle(connection);
        if (api is null || handle == IntPtr.Zero) return false;
        var tv = new NativeLdap.TimeVal(timeout);
        return api.SetOption(handle, NativeLdap.OptNetworkTimeout, &tv) == 0
            && api.SetOption(handle, NativeLdap.OptTimeout, &tv) == 0;
    }

    /// <summary>The socket of a connected handle, or -1.</summary>
    public static int GetSocket(LdapConnection connection)
    {
        var api = NativeLdap.Api;
        var handle = GetHandle(connection);
        if (api is null || handle == IntPtr.Zero) return -1;
        var fd = -1;
        return api.GetOption(handle, NativeLdap.OptDesc, &fd) == 0 ? fd : -1;
    }

    /// <summary>
    /// Shuts the socket down (it stays open, so its number cannot be reused by another connection):
    /// a libldap call blocked on it returns "server down" at once.
    /// </summary>
    public static void Shutdown(int socket)
    {
        if (socket >= 0) _ = shutdown(socket, ShutRdWr);
    }

    private static IntPtr GetHandle(LdapConnection connection) =>
        HandleField?.GetValue(connection) is SafeHandle { IsInvalid: false, IsClosed: false } handle
            ? handle.DangerousGetHandle()
            : IntPtr.Zero;

    [DllImport("libc", SetLastError = true)]
    private static extern int shutdown(int socket, int how);
}
