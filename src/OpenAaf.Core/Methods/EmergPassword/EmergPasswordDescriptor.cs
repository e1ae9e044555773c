using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.EmergPassword;

/// <summary>
/// EMERG_PASSWORD:1 (methods.md §4), a method of the contract not implemented yet: chains may name it and its
/// policy component is read, shown and checked, but logon and enrollment refuse it with METHOD_NOT_SUPPORTED.
/// </summary>
public static class EmergPasswordDescriptor
{
    public const string Id = "EMERG_PASSWORD:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "Emergency Password",
        Policy = PolicyComponent.ForMethod<EmergPasswordOptions>("EMERG_PASSWORD", Rules),
    };

    private static IEnumerable<PolicyViolation> Rules(EmergPasswordOptions p) =>
    [
        .. AtLeast("password_min_length", p.PasswordMinLength, 1),
        .. AtLeast("password_age", p.PasswordAge, 1),
        .. AtLeast("max_logon_count", p.MaxLogonCount, 1),
    ];
}
