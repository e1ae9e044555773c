using System.DirectoryServices.Protocols;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OpenAaf.Directory;

/// <summary>
/// Direct calls into the libldap that System.DirectoryServices.Protocols already loads, for two
/// gaps of S.DS.P 10.0.x on Linux (measured, see the tests):
/// <list type="bullet">
/// <item><c>Bind()</c> calls <c>ldap_sasl_bind_s</c>, which waits forever on a server that accepts
/// the TCP connection but never answers, unless the handle has <c>LDAP_OPT_TIMEOUT</c>; S.DS.P never sets it.</item>
/// <item>Search results are awaited with a <c>timeval</c> of the Windows layout (two ints), which
/// libldap reads as two longs: the timeout becomes about 71 minutes. We therefore remember the socket
/// and shut it down from a watchdog (see <see cref="OperationWatchdog"/>).</item>
/// </list>
/// The native handle is read from S.DS.P's internal field by reflection; if that ever fails the
/// features degrade (no native timeouts) instead of breaking directory access.
/// </summary>
internal static class LibLdap
{
    private const int LdapOptDesc = 0x0001;
    private const int LdapOptTimeout = 0x5002;
    private const int LdapOptNetworkTimeout = 0x5005;
    private const int ShutRdWr = 2;

    private static readonly FieldInfo? HandleField =
        typeof(LdapConnection).GetField("_ldapHandle", BindingFlags.Instance | BindingFlags.NonPublic);

    private static readonly Lazy<Api?> Native = new(Load);

    /// <summary>True when timeouts and the socket watchdog are available.</summary>
    public static bool Available => HandleField is not null && Native.Value is not null;

    /// <summary>Sets the connect (network) and synchronous-call timeouts on the connection's handle.</summary>
    public static bool TrySetTimeouts(LdapConnection connection, TimeSpan timeout)
    {
        var api = Native.Value;
        var handle = GetHandle(connection);
        if (api is null || handle == IntPtr.Zero) return false;
        var tv = TimeVal.From(timeout);
        return api.SetTimeVal(handle, LdapOptNetworkTimeout, ref tv) == 0
            && api.SetTimeVal(handle, LdapOptTimeout, ref tv) == 0;
    }

    /// <summary>The socket of a connected handle, or -1.</summary>
    public static int GetSocket(LdapConnection connection)
    {
        var api = Native.Value;
        var handle = GetHandle(connection);
        if (api is null || handle == IntPtr.Zero) return -1;
        var fd = -1;
        return api.GetInt(handle, LdapOptDesc, ref fd) == 0 ? fd : -1;
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

    /// <summary>Names to probe, newest first (Debian 12 ships libldap-2.5.so.0, which S.DS.P 10 loads).</summary>
    public static readonly string[] LibraryNames = ["libldap-2.5.so.0", "libldap.so.2", "libldap-2.4.so.2", "libldap_r-2.4.so.2", "libldap.so"];

    private static Api? Load()
    {
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out var lib)) continue;
            if (NativeLibrary.TryGetExport(lib, "ldap_set_option", out var set)
                && NativeLibrary.TryGetExport(lib, "ldap_get_option", out var get))
                return new Api(set, get);
        }
        return null;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int shutdown(int socket, int how);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public nint Seconds;        // time_t (long on LP64)
        public nint Microseconds;   // suseconds_t (long on LP64)

        public static TimeVal From(TimeSpan t) => new()
        {
            Seconds = (nint)Math.Max(0, (long)t.TotalSeconds),
            Microseconds = (nint)(t.Ticks % TimeSpan.TicksPerSecond / 10),
        };
    }

    private sealed unsafe class Api(IntPtr setOption, IntPtr getOption)
    {
        private readonly delegate* unmanaged<IntPtr, int, void*, int> _set = (delegate* unmanaged<IntPtr, int, void*, int>)setOption;
        private readonly delegate* unmanaged<IntPtr, int, void*, int> _get = (delegate* unmanaged<IntPtr, int, void*, int>)getOption;

        public int SetTimeVal(IntPtr ld, int option, ref TimeVal value)
        {
            fixed (TimeVal* p = &value) return _set(ld, option, p);
        }

        public int GetInt(IntPtr ld, int option, ref int value)
        {
            fixed (int* p = &value) return _get(ld, option, p);
        }
    }
}
