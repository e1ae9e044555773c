using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Methods.Finger;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.LdapPassword;
using OpenAaf.Core.Methods.Password;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Methods.U2f;

namespace OpenAaf.Core.Methods;

/// <summary>
/// Short names for the ids of the implemented methods, for code and tests outside a method's folder. Each id
/// is its descriptor's; the list of methods is <see cref="BuiltInMethods"/>, and a new method needs no entry here.
/// </summary>
public static class MethodIds
{
    public const string LdapPassword = LdapPasswordDescriptor.Id;
    public const string Password = PasswordDescriptor.Id;
    public const string Totp = TotpDescriptor.Id;
    public const string Hotp = HotpDescriptor.Id;
    public const string U2f = U2fDescriptor.Id;
    public const string Fido2 = Fido2Descriptor.Id;
    public const string Finger = FingerDescriptor.Id;
}
