using System.DirectoryServices.Protocols;
using System.Runtime.InteropServices;
using System.Text;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// A user bind straight through libldap with the password-policy request control
/// (draft-behera-ldap-password-policy, OID 1.3.6.1.4.1.42.2.27.8.5.1), for OpenLDAP's ppolicy
/// overlay. S.DS.P can do neither half: its Bind sends no controls and drops the response
/// controls, and without the control OpenLDAP answers a locked or expired account with a bare 49
/// and lets a reset password bind successfully. The response control's error maps to
/// <see cref="PasswordCheck.AccountLocked"/>, <see cref="PasswordCheck.PasswordExpired"/> and
/// <see cref="PasswordCheck.MustChange"/>; other results map like the S.DS.P path. Connection
/// failures throw <see cref="LdapException"/> with the S.DS.P codes (81, 85, 91) so that callers
/// classify them the same way. Used for LDAP repositories when libldap is loadable.
/// </summary>
internal static unsafe class PolicyBind
{
    private const int OptProtocolVersion = 0x0011;
    private const int OptReferrals = 0x0008;
    private const int OptResultCode = 0x0031;
    private const int OptNetworkTimeout = 0x5005;
    private const int OptTimeout = 0x5002;
    private const int OptTlsCaCertDir = 0x6003;
    private const int OptTlsRequireCert = 0x6006;
    private const int OptTlsNewCtx = 0x600f;
    private const int TlsDemand = 2;
    private const int MsgAll = 1;
    private const string ResponseOid = "1.3.6.1.4.1.42.2.27.8.5.1";

    private static readonly Lazy<Functions?> Native = new(Functions.Load);

    public static bool Available => Native.Value is not null;

    public static PasswordCheck Bind(LdapServerUrl server, bool startTls, string? caDirectory, TimeSpan timeout, string dn, string password)
    {
        var f = Native.Value ?? throw new PlatformNotSupportedException("libldap not loadable.");
        IntPtr ld = IntPtr.Zero, request = IntPtr.Zero, result = IntPtr.Zero;
        IntPtr matched = IntPtr.Zero, diagnostic = IntPtr.Zero, referrals = IntPtr.Zero, controls = IntPtr.Zero;
        var uri = Marshal.StringToCoTaskMemUTF8($"{(server.UseSsl ? "ldaps" : "ldap")}://{(server.Host.Contains(':') ? "[" + server.Host + "]" : server.Host)}:{server.Port}");
        var dnPtr = Marshal.StringToCoTaskMemUTF8(dn);
        var secret = Encoding.UTF8.GetBytes(password);
        try
        {
            Check(f.Initialize(&ld, uri), "initialize");
            var version = 3;
            Check(f.SetOption(ld, OptProtocolVersion, &version), "protocol version");
            Check(f.SetOption(ld, OptReferrals, null), "referrals"); // LDAP_OPT_OFF is a null pointer
            var tv = new TimeVal(timeout);
            Check(f.SetOption(ld, OptNetworkTimeout, &tv), "network timeout");
            Check(f.SetOption(ld, OptTimeout, &tv), "timeout");
            if ((server.UseSsl || startTls) && caDirectory is not null)
            {
                var dir = Marshal.StringToCoTaskMemUTF8(caDirectory);
                try { Check(f.SetOption(ld, OptTlsCaCertDir, (void*)dir), "CA directory"); }
                finally { Marshal.FreeCoTaskMem(dir); }
                var demand = TlsDemand;
                Check(f.SetOption(ld, OptTlsRequireCert, &demand), "require cert");
                var zero = 0;
                Check(f.SetOption(ld, OptTlsNewCtx, &zero), "new TLS context");
            }
            if (startTls && !server.UseSsl) Check(f.StartTls(ld, null, null), "StartTLS");

            Check(f.CreatePolicyControl(ld, &request), "ppolicy control");
            var requestControls = stackalloc IntPtr[2] { request, IntPtr.Zero };
            int messageId;
            fixed (byte* p = secret)
            {
                var credential = new BerVal { Length = (nuint)secret.Length, Value = p };
                Check(f.SaslBind(ld, dnPtr, IntPtr.Zero, &credential, requestControls, null, &messageId), "bind");
            }
            var waited = f.Result(ld, messageId, MsgAll, &tv, &result);
            if (waited == 0) throw new LdapException(85, "The bind timed out.");
            if (waited < 0) Check(LastError(f, ld), "bind result");

            int code;
            Check(f.ParseResult(ld, result, &code, &matched, &diagnostic, &referrals, &controls, 0), "parse result");
            var policyError = PolicyError(f, ld, controls);
            if (policyError is { } mapped) return mapped;
            if (code == 0) return PasswordCheck.Ok;
            var text = diagnostic == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(diagnostic);
            return BindResultMapper.Map(new LdapException(code, "bind failed", text))
                ?? throw new LdapException(code, $"The server answered the bind with result {code}.", text);
        }
        finally
        {
            CryptographicClear(secret);
            if (matched != IntPtr.Zero) f.MemFree(matched);
            if (diagnostic != IntPtr.Zero) f.MemFree(diagnostic);
            if (referrals != IntPtr.Zero) f.MemVFree(referrals);
            if (controls != IntPtr.Zero) f.ControlsFree(controls);
            if (result != IntPtr.Zero) f.MsgFree(result);
            if (request != IntPtr.Zero) f.ControlFree(request);
            if (ld != IntPtr.Zero) f.Unbind(ld, null, null);
            Marshal.FreeCoTaskMem(uri);
            Marshal.FreeCoTaskMem(dnPtr);
        }
    }

    private static PasswordCheck? PolicyError(Functions f, IntPtr ld, IntPtr controls)
    {
        if (controls == IntPtr.Zero) return null;
        var oid = Marshal.StringToCoTaskMemUTF8(ResponseOid);
        try
        {
            var control = f.ControlFind(oid, controls, null);
            if (control == IntPtr.Zero) return null;
            int expire, grace, error;
            if (f.ParsePolicyControl(ld, control, &expire, &grace, &error) != 0) return null;
            return error switch
            {
                0 => PasswordCheck.PasswordExpired,   // passwordExpired
                1 => PasswordCheck.AccountLocked,     // accountLocked
                2 => PasswordCheck.MustChange,        // changeAfterReset
                _ => null,                            // 65535 = no error; the rest concern password changes
            };
        }
        finally
        {
            Marshal.FreeCoTaskMem(oid);
        }
    }

    private static int LastError(Functions f, IntPtr ld)
    {
        var code = -1;
        f.GetOption(ld, OptResultCode, &code);
        return code == 0 ? -1 : code;
    }

    /// <summary>Throws for a libldap client error with the code S.DS.P would have used.</summary>
    private static void Check(int rc, string step)
    {
        if (rc == 0) return;
        var code = rc switch
        {
            -1 => 81,   // LDAP_SERVER_DOWN (also TLS failures)
            -5 => 85,   // LDAP_TIMEOUT
            -11 => 91,  // LDAP_CONNECT_ERROR (also StartTLS failures)
            < 0 => 82,  // other local errors
            _ => rc,    // a result code from the server (e.g. StartTLS refused)
        };
        throw new LdapException(code, $"libldap {step} failed ({rc}).");
    }

    private static void CryptographicClear(byte[] secret) => Array.Clear(secret);

    [StructLayout(LayoutKind.Sequential)]
    private struct BerVal
    {
        public nuint Length;
        public byte* Value;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal(TimeSpan t)
    {
        public nint Seconds = (nint)Math.Max(0, (long)t.TotalSeconds);
        public nint Microseconds = (nint)(t.Ticks % TimeSpan.TicksPerSecond / 10);
    }

    private sealed class Functions
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

        public static Functions? Load()
        {
            foreach (var name in LibLdap.LibraryNames)
            {
                if (!NativeLibrary.TryLoad(name, out var lib)) continue;
                IntPtr E(string export) => NativeLibrary.TryGetExport(lib, export, out var p) ? p : IntPtr.Zero;
                var exports = new[]
                {
                    E("ldap_initialize"), E("ldap_set_option"), E("ldap_get_option"), E("ldap_start_tls_s"),
                    E("ldap_create_passwordpolicy_control"), E("ldap_sasl_bind"), E("ldap_result"), E("ldap_parse_result"),
                    E("ldap_control_find"), E("ldap_parse_passwordpolicy_control"), E("ldap_controls_free"),
                    E("ldap_control_free"), E("ldap_memfree"), E("ldap_memvfree"), E("ldap_msgfree"), E("ldap_unbind_ext"),
                };
                if (exports.Any(p => p == IntPtr.Zero)) continue;
                return new Functions
                {
                    Initialize = (delegate* unmanaged<IntPtr*, IntPtr, int>)exports[0],
                    SetOption = (delegate* unmanaged<IntPtr, int, void*, int>)exports[1],
                    GetOption = (delegate* unmanaged<IntPtr, int, void*, int>)exports[2],
                    StartTls = (delegate* unmanaged<IntPtr, IntPtr*, IntPtr*, int>)exports[3],
                    CreatePolicyControl = (delegate* unmanaged<IntPtr, IntPtr*, int>)exports[4],
                    SaslBind = (delegate* unmanaged<IntPtr, IntPtr, IntPtr, BerVal*, IntPtr*, IntPtr*, int*, int>)exports[5],
                    Result = (delegate* unmanaged<IntPtr, int, int, TimeVal*, IntPtr*, int>)exports[6],
                    ParseResult = (delegate* unmanaged<IntPtr, IntPtr, int*, IntPtr*, IntPtr*, IntPtr*, IntPtr*, int, int>)exports[7],
                    ControlFind = (delegate* unmanaged<IntPtr, IntPtr, IntPtr*, IntPtr>)exports[8],
                    ParsePolicyControl = (delegate* unmanaged<IntPtr, IntPtr, int*, int*, int*, int>)exports[9],
                    ControlsFree = (delegate* unmanaged<IntPtr, void>)exports[10],
                    ControlFree = (delegate* unmanaged<IntPtr, void>)exports[11],
                    MemFree = (delegate* unmanaged<IntPtr, void>)exports[12],
                    MemVFree = (delegate* unmanaged<IntPtr, void>)exports[13],
                    MsgFree = (delegate* unmanaged<IntPtr, int>)exports[14],
                    Unbind = (delegate* unmanaged<IntPtr, IntPtr*, IntPtr*, int>)exports[15],
                };
            }
            return null;
        }
    }
}
