using OpenAaf.Core.Methods;
using OpenAaf.Core.Policies;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// Applies the sanity rules to the components the file declares: the platform's (<see cref="PlatformPolicyRules"/>),
/// then each method's, which the component of its descriptor carries.
/// </summary>
internal static class PolicyRules
{
    public static void Check(
        PolicySet set, IReadOnlySet<string> declared, IReadOnlySet<string> repositories, MethodCatalog methods, string path, ConfigErrors errors)
    {
        foreach (var (component, check) in PlatformPolicyRules.All)
        {
            if (declared.Contains(component)) Report(check(set, repositories), component, path, errors);
        }
        foreach (var component in methods.All.Select(m => m.Policy).OfType<PolicyComponent>())
        {
            if (declared.Contains(component.Id)) Report(component.Check(set), component.Id, path, errors);
        }
    }

    private static void Report(IEnumerable<PolicyViolation> violations, string component, string path, ConfigErrors errors)
    {
        foreach (var violation in violations)
            errors.Add(ConfigPath.Key(ConfigPath.Key(path, component), violation.Field), violation.Message);
    }
}
