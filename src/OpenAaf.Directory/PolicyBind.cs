using System.Runtime.InteropServices;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// The password-policy request control (draft-behera-ldap-password-policy, OID
/// 1.3.6.1.4.1.42.2.27.8.5.1) on user binds, for OpenLDAP's ppolicy overlay. S.DS.P can do neither
/// half: its Bind sends no controls and drops the response controls, and without the control
/// OpenLDAP answers a locked or expired account with a bare 49 and lets a reset password bind
/// successfully. <see cref="BindConnection"/> sends the control on every user bind of an LDAP
/// repository; the response control's error maps here to <see cref="PasswordCheck.AccountLocked"/>,
/// <see cref="PasswordCheck.PasswordExpired"/> and <see cref="PasswordCheck.MustChange"/>.
/// Active Directory ignores the control and reports the same states as sub-codes of result 49
/// (<see cref="BindResultMapper"/>), so AD binds go without it.
/// </summary>
internal static unsafe class PolicyBind
{
    private const string ResponseOid = "1.3.6.1.4.1.42.2.27.8.5.1";
    private static readonly IntPtr ResponseOidUtf8 = Marshal.StringToCoTaskMemUTF8(ResponseOid); // lives as long as the process

    public static bool Available => NativeLdap.Api is not null;

    /// <summary>The state the response control reports, or null when there is none or it reports no error.</summary>
    public static PasswordCheck? ResponseError(NativeLdap.Functions f, IntPtr ld, IntPtr responseControls)
    {
        if (responseControls == IntPtr.Zero) return null;
        var control = f.ControlFind(ResponseOidUtf8, responseControls, null);
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
}
