using System.Reflection;
using System.Text.Json.Serialization;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>Wire field names of policy components, as <see cref="PolicyJson"/> writes and reads them.</summary>
public static class PolicyFields
{
    public static string WireName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? PolicyJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);

    /// <summary>Wire names of the write-only fields (<see cref="SecretAttribute"/>) of a component type.</summary>
    public static IEnumerable<string> SecretFields(Type componentType) =>
        componentType.GetProperties()
            .Where(p => p.GetCustomAttribute<SecretAttribute>() is not null)
            .Select(WireName);
}
