using OpenAaf.Core.Methods.Card;
using OpenAaf.Core.Methods.EmailOtp;
using OpenAaf.Core.Methods.EmergPassword;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Methods.Finger;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.LdapPassword;
using OpenAaf.Core.Methods.Password;
using OpenAaf.Core.Methods.SecQuest;
using OpenAaf.Core.Methods.SmsOtp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Methods.U2f;

namespace OpenAaf.Core.Methods;

/// <summary>The methods of this server.</summary>
public static class BuiltInMethods
{
    /// <summary>
    /// One line per method, in the order of api.md §9.6, which is the order of methods/get and of the method
    /// components in effective_policy. Adding a method is a folder with its descriptor and a line here.
    /// </summary>
    public static MethodCatalog Catalog { get; } = new(
    [
        LdapPasswordDescriptor.Instance,
        PasswordDescriptor.Instance,
        EmergPasswordDescriptor.Instance,
        TotpDescriptor.Instance,
        HotpDescriptor.Instance,
        SmsOtpDescriptor.Instance,
        EmailOtpDescriptor.Instance,
        SecQuestDescriptor.Instance,
        U2fDescriptor.Instance,
        Fido2Descriptor.Instance,
        FingerDescriptor.Instance,
        CardDescriptor.Instance,
    ]);
}
