using OpenAaf.Core.Policies;

namespace OpenAaf.Server.Configuration;

/// <summary>Applies the platform and method sanity rules to the components the file declares.</summary>
internal static class PolicyRules
{
    public static void Check(PolicySet set, IReadOnlySet<string> declared, IReadOnlySet<string> repositories, string path, ConfigErrors errors)
    {
        foreach (var (component, check) in PlatformPolicyRules.All.Concat(MethodPolicyRules.All))
        {
            if (!declared.Contains(component)) continue;
            foreach (var violation in check(set, repositories))
                errors.Add(ConfigPath.Key(ConfigPath.Key(path, component), violation.Field), violation.Message);
        }
    }
}
