using System.DirectoryServices.Protocols;
using System.Runtime.InteropServices;
using System.Text;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// One libldap connection that only ever carries user binds, owned by one caller at a time
/// (<see cref="ConnectionPool{T}"/>). Every use is a fresh simple bind, which replaces whatever
/// identity the connection had (RFC 4511 §4.2.1), so a connection left bound as one user is
/// rebound before it answers for another; it never serves a search (searches have their own,
/// service-account connections). The bind is sent with libldap's asynchronous call and awaited
/// with a real timeout, and for LDAP repositories with the password-policy control
/// (<see cref="PolicyBind"/>). Connection failures throw <see cref="LdapException"/> with the
/// S.DS.P codes (81, 85, 91) so that callers classify them the same way.
/// </summary>
internal sealed unsafe class BindConnection : IPooledConnection
{
    private const int BindResponse = 0x61; // LDAP_RES_BIND
    private readonly NativeLdap.Functions _f;
    private IntPtr _ld;
    private IntPtr _policyRequest;

    private BindConnection(NativeLdap.Functions f, IntPtr ld, int serverIndex, long openedAt)
    {
        _f = f;
        _ld = ld;
        ServerIndex = serverIndex;
        OpenedAt = openedAt;
        LastUsed = openedAt;
    }

    public int ServerIndex { get; }
    public long OpenedAt { get; }
    public long LastUsed { get; set; }

    /// <summary>
    /// A handle for <paramref name="server"/> with the repository's timeout and TLS settings, StartTLS
    /// done when asked for. libldap connects at the first request otherwise (within the network timeout).
    /// </summary>
    public static BindConnection Open(LdapServerUrl server, bool startTls, string? caDirectory, TimeSpan timeout,
        bool policyControl, int serverIndex, long now)
    {
        var f = NativeLdap.Api ?? throw new PlatformNotSupportedException(NativeLdap.Requirement + " is not loadable.");
        var host = server.Host.Contains(':') ? "[" + server.Host + "]" : server.Host;
        var uri = Marshal.StringToCoTaskMemUTF8($"{(server.UseSsl ? "ldaps" : "ldap")}://{host}:{server.Port}");
        IntPtr ld = IntPtr.Zero;
        try
        {
            NativeLdap.Check(f.Initialize(&ld, uri), "initialize");
            var connection = new BindConnection(f, ld, serverIndex, now);
            try
            {
                connection.Configure(server, startTls, caDirectory, timeout, policyControl);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
            return connection;
        }
        finally
        {
            Marshal.FreeCoTaskMem(uri);
        }
    }

    private void Configure(LdapServerUrl server, bool startTls, string? caDirectory, TimeSpan timeout, bool policyControl)
    {
        var version = 3;
        NativeLdap.Check(_f.SetOption(_ld, NativeLdap.OptProtocolVersion, &version), "protocol version");
        NativeLdap.Check(_f.SetOption(_ld, NativeLdap.OptReferrals, null), "referrals"); // LDAP_OPT_OFF is a null pointer
        var tv = new NativeLdap.TimeVal(timeout);
        NativeLdap.Check(_f.SetOption(_ld, NativeLdap.OptNetworkTimeout, &tv), "network timeout");
        NativeLdap.Check(_f.SetOption(_ld, NativeLdap.OptTimeout, &tv), "timeout");
        if ((server.UseSsl || startTls) && caDirectory is not null)
        {
            var dir = Marshal.StringToCoTaskMemUTF8(caDirectory);
            try { NativeLdap.Check(_f.SetOption(_ld, NativeLdap.OptTlsCaCertDir, (void*)dir), "CA directory"); }
            finally { Marshal.FreeCoTaskMem(dir); }
            var demand = NativeLdap.TlsDemand;
            NativeLdap.Check(_f.SetOption(_ld, NativeLdap.OptTlsRequireCert, &demand), "require cert");
            var zero = 0;
            NativeLdap.Check(_f.SetOption(_ld, NativeLdap.OptTlsNewCtx, &zero), "new TLS context");
        }
        if (startTls && !server.UseSsl) NativeLdap.Check(_f.StartTls(_ld, null, null), "StartTLS");
        if (policyControl)
        {
            IntPtr request;
            NativeLdap.Check(_f.CreatePolicyControl(_ld, &request), "ppolicy control");
            _policyRequest = request;
        }
    }

    /// <summary>
    /// Binds as <paramref name="dn"/>. A definite answer of the server (success or invalid credentials,
    /// with or without a password-policy state) leaves the connection reusable; anything else (another
    /// result code, an unexpected message, a timeout, a transport error) does not, and the caller must
    /// dispose it. Errors that say nothing about the credentials throw.
    /// </summary>
    public BindOutcome Bind(string dn, string password, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_ld == IntPtr.Zero, this);
        IntPtr result = IntPtr.Zero, matched = IntPtr.Zero, diagnostic = IntPtr.Zero, referrals = IntPtr.Zero, controls = IntPtr.Zero;
        var dnUtf8 = Marshal.StringToCoTaskMemUTF8(dn);
        var secret = Encoding.UTF8.GetBytes(password);
        try
        {
            var requestControls = stackalloc IntPtr[2] { _policyRequest, IntPtr.Zero };
            int messageId;
            fixed (byte* p = secret)
            {
                var credential = new NativeLdap.BerVal { Length = (nuint)secret.Length, Value = p };
                NativeLdap.Check(_f.SaslBind(_ld, dnUtf8, IntPtr.Zero, &credential,
                    _policyRequest == IntPtr.Zero ? null : requestControls, null, &messageId), "bind");
            }
            var tv = new NativeLdap.TimeVal(timeout);
            var type = _f.Result(_ld, messageId, NativeLdap.MsgAll, &tv, &result);
            if (type == 0)
            {
                _f.Abandon(_ld, messageId, null, null);
                throw new LdapException(85, "The bind timed out.");
            }
            if (type < 0) NativeLdap.Check(NativeLdap.LastError(_f, _ld), "bind result");
            if (type != BindResponse) throw new LdapException(82, $"libldap returned message type {type} for a bind.");

            int code;
            NativeLdap.Check(_f.ParseResult(_ld, result, &code, &matched, &diagnostic, &referrals, &controls, 0), "parse result");
            var reusable = code is NativeLdap.Success or NativeLdap.InvalidCredentials;
            if (PolicyBind.ResponseError(_f, _ld, controls) is { } state) return new BindOutcome(state, reusable);
            if (code == NativeLdap.Success) return new BindOutcome(PasswordCheck.Ok, reusable);
            var text = diagnostic == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(diagnostic);
            var check = BindResultMapper.Map(new LdapException(code, "bind failed", text))
                ?? throw new LdapException(code, $"The server answered the bind with result {code}.", text);
            return new BindOutcome(check, reusable);
        }
        finally
        {
            Array.Clear(secret);
            Marshal.FreeCoTaskMem(dnUtf8);
            if (matched != IntPtr.Zero) _f.MemFree(matched);
            if (diagnostic != IntPtr.Zero) _f.MemFree(diagnostic);
            if (referrals != IntPtr.Zero) _f.MemVFree(referrals);
            if (controls != IntPtr.Zero) _f.ControlsFree(controls);
            if (result != IntPtr.Zero) _f.MsgFree(result);
        }
    }

    /// <summary>Sends an unbind and closes the socket.</summary>
    public void Dispose()
    {
        var ld = Interlocked.Exchange(ref _ld, IntPtr.Zero);
        if (ld == IntPtr.Zero) return;
        if (_policyRequest != IntPtr.Zero) _f.ControlFree(_policyRequest);
        _policyRequest = IntPtr.Zero;
        _f.Unbind(ld, null, null);
    }
}

/// <summary>What a user bind said, and whether its connection may carry the next user bind.</summary>
internal readonly record struct BindOutcome(PasswordCheck Check, bool Reusable);
