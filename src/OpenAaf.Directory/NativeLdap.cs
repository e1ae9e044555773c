using System.DirectoryServices.Protocols;
using System.Runtime.InteropServices;

namespace OpenAaf.Directory;

/// <summary>
/// The libldap functions OpenAAF calls directly, from the same library System.DirectoryServices.Protocols
/// loads: options (timeouts S.DS.P never sets), and the asynchronous bind with controls that user binds
/// need (S.DS.P's Bind sends no controls and drops the response controls). Loaded once; null members
/// mean the library or one of its exports is missing (<see cref="DirectoryStackCheck"/> refuses to start then).
/// </summary>
internal static unsafe class NativeLdap
{
    public const int OptDesc = 0x0001;
    public const int OptReferrals = 0x0008;
    public const int OptProtocolVersion = 0x0011;
    public const int OptResultCode = 0x0031;
    public const int OptTimeout = 0x5002;
    public const int OptNetworkTimeout = 0x5005;
    public const int OptTlsCaCertDir = 0x6003;
    public const int OptTlsRequireCert = 0x6006;
    public const int OptTlsNewCtx = 0x600f;
    public const int TlsDemand = 2;
    public const int MsgAll = 1;
    public const int Success = 0;
    public const int InvalidCredentials = 49;

    /// <summary>Names to probe, newest first (Debian 12 ships libldap-2.5.so.0, which S.DS.P 10 loads).</summary>
    public static readonly string[] LibraryNames = ["libldap-2.5.so.0", "libldap.so.2", "libldap-2.4.so.2", "libldap_r-2.4.so.2", "libldap.so"];

    private static readonly string[] ExportNames =
    [
        "ldap_initialize", "ldap_set_option", "ldap_get_option", "ldap_start_tls_s",
        "ldap_create_passwordpolicy_control", "ldap_sasl_bind", "ldap_result", "ldap_parse_result",
        "ldap_control_find", "ldap_parse_passwordpolicy_control", "ldap_controls_free",
        "ldap_control_free", "ldap_memfree", "ldap_memvfree", "ldap_msgfree", "ldap_unbind_ext", "ldap_abandon_ext",
    ];

    private static readonly Lazy<Functions?> Loaded = new(Load);

    /// <summary>The function table, or null when libldap or one of <see cref="ExportNames"/> is missing.</summary>
    public static Functions? Api => Loaded.Value;

    /// <summary>Why <see cref="Api"/> is null, for the start-up message.</summary>
    public static string Requirement =>
        $"libldap ({string.Join(", ", LibraryNames)}) with the exports {string.Join(", ", ExportNames)}";

    /// <summary>Throws for a libldap client error with the code S.DS.P would have used (81, 85, 91, …).</summary>
    public static void Check(int rc, string step)
    {
        if (rc == 0) return;
        throw new LdapException(ToResultCode(rc), $"libldap {step} failed ({rc}).");
    }

    public static int ToResultCode(int rc) => rc switch
    {
        -1 => 81,   // LDAP_SERVER_DOWN (also TLS failures)
        -5 => 85,   // LDAP_TIMEOUT
        -11 => 91,  // LDAP_CONNECT_ERROR (also StartTLS failures)
        < 0 => 82,  // other local errors
        _ => rc,    // a result code from the server (e.g. StartTLS refused)
    };

    /// <summary>The result code libldap recorded on the handle after a failed call.</summary>
    public static int LastError(Functions f, IntPtr ld)
    {
        var code = -1;
        f.GetOption(ld, OptResultCode, &code);
        return code == 0 ? -1 : code;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct BerVal
    {
        public nuint Length;
        public byte* Value;
    }

    /// <summary>struct timeval of LP64 Linux: two longs (S.DS.P passes the Windows layout, two ints).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TimeVal(TimeSpan t)
    {
        public nint Seconds = (nint)Math.Max(0, (long)t.TotalSeconds);
        public nint Microseconds = (nint)(t.Ticks % TimeSpan.TicksPerSecond / 10);
    }

    public sealed class Functions
    {
        public delegate* unmanaged<IntPtr*, IntPtr, int> Initialize;
        public delegate* unmanaged<IntPtr, int, void*, int> SetOption;
        public delegate* unmanaged<IntPtr, int, void*, int> GetOption;
        public delegate* unmanaged<IntPtr, IntPtr*, IntPtr*, int> StartTls;
        public delegate* unmanaged<IntPtr, IntPtr*, int> CreatePolicyControl;
        public delegate* unmanaged<IntPtr, IntPtr, IntPtr, BerVal*, IntPtr*, IntPtr*, int*, int> SaslBind;
        public delegate* unmanaged<IntPtr, int, int, TimeVal*, IntPtr*, int> Result;
        public delegate* unmanaged<IntPtr, IntPtr, int*, IntPtr*, IntPtr*, IntPtr*, IntPtr*, int, int> ParseResult;
        public delegate* unmanaged<IntPtr, IntPtr, IntPtr*, IntPtr> ControlFind;
        public delegate* unmanaged<IntPtr, IntPtr, int*, int*, int*, int> ParsePolicyControl;
        public delegate* unmanaged<IntPtr, void> ControlsFree;
        public delegate* unmanaged<IntPtr, void> ControlFree;
        public delegate* unmanaged<IntPtr, void> MemFree;
        public delegate* unmanaged<IntPtr, void> MemVFree;
        public delegate* unmanaged<IntPtr, int> MsgFree;
        public delegate* unmanaged<IntPtr, IntPtr*, IntPtr*, int> Unbind;
        public delegate* unmanaged<IntPtr, int, IntPtr*, IntPtr*, int> Abandon;
    }

    private static Functions? Load()
    {
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out var lib)) continue;
            var e = new IntPtr[ExportNames.Length];
            var complete = true;
            for (var i = 0; i < e.Length; i++)
                complete &= NativeLibrary.TryGetExport(lib, ExportNames[i], out e[i]);
            if (!complete) continue;
            return new Functions
            {
                Initialize = (delegate* unmanaged<IntPtr*, IntPtr, int>)e[0],
                SetOption = (delegate* unmanaged<IntPtr, int, void*, int>)e[1],
                GetOption = (delegate* unmanaged<IntPtr, int, void*, int>)e[2],
                StartTls = (delegate* unmanaged<IntPtr, IntPtr*, IntPtr*, int>)e[3],
                CreatePolicyControl = (delegate* unmanaged<IntPtr, IntPtr*, int>)e[4],
                SaslBind = (delegate* unmanaged<IntPtr, IntPtr, IntPtr, BerVal*, IntPtr*, IntPtr*, int*, int>)e[5],
                Result = (delegate* unmanaged<IntPtr, int, int, TimeVal*, IntPtr*, int>)e[6],
                ParseResult = (delegate* unmanaged<IntPtr, IntPtr, int*, IntPtr*, IntPtr*, IntPtr*, IntPtr*, int, int>)e[7],
                ControlFind = (delegate* unmanaged<IntPtr, IntPtr, IntPtr*, IntPtr>)e[8],
                ParsePolicyControl = (delegate* unmanaged<IntPtr, IntPtr, int*, int*, int*, int>)e[9],
                ControlsFree = (delegate* unmanaged<IntPtr, void>)e[10],
                ControlFree = (delegate* unmanaged<IntPtr, void>)e[11],
                MemFree = (delegate* unmanaged<IntPtr, void>)e[12],
                MemVFree = (delegate* unmanaged<IntPtr, void>)e[13],
                MsgFree = (delegate* unmanaged<IntPtr, int>)e[14],
                Unbind = (delegate* unmanaged<IntPtr, IntPtr*, IntPtr*, int>)e[15],
                Abandon = (delegate* unmanaged<IntPtr, int, IntPtr*, IntPtr*, int>)e[16],
            };
        }
        return null;
    }
}
