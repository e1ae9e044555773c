using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.Password;

/// <summary>PASSWORD:1 (methods.md §3): an Argon2id hash kept by OpenAAF; LOCAL users' passwords.</summary>
public static class PasswordDescriptor
{
    public const string Id = "PASSWORD:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "Password",
        Policy = PolicyComponent.ForMethod<PasswordMethodOptions>("PasswordMethod", Rules),
        Outcomes = MethodDescriptor.OutcomesOf(typeof(PasswordOutcomes)),
        Implementation = typeof(PasswordMethod),
    };

    private static IEnumerable<PolicyViolation> Rules(PasswordMethodOptions p) =>
    [
        .. AtLeast("password_min_length", p.PasswordMinLength, 1),
        .. AtLeast("password_max_age", p.PasswordMaxAge, 0),
    ];
}
