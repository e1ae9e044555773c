using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Policies;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// Reads <c>bootstrap.policies</c> in the wire vocabulary (<see cref="MethodCatalog.PolicyComponents"/>, <see cref="PolicyJson"/>):
/// component and field names match exactly; fields left out keep their defaults.
/// </summary>
internal static class PoliciesReader
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static (PolicySet Policies, HashSet<string> Declared) Read(ConfigObject bootstrap, MethodCatalog methods)
    {
        var set = PolicySet.Defaults;
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (bootstrap.Node("policies") is not { } node) return (set, declared);
        var path = bootstrap.PathOf("policies");
        if (node is not JsonObject policies)
        {
            bootstrap.Errors.Add(path, "expected an object");
            return (set, declared);
        }
        foreach (var (id, value) in policies)
        {
            var componentPath = ConfigPath.Key(path, id);
            var component = methods.FindPolicyComponent(id);
            if (component is null)
            {
                var near = methods.PolicyComponents.FirstOrDefault(c => c.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
                bootstrap.Errors.Add(componentPath, $"unknown policy component \"{id}\"" + (near is null ? "" : $" (did you mean \"{near.Id}\"?)"));
                continue;
            }
            if (value is not JsonObject fields)
            {
                bootstrap.Errors.Add(componentPath, "expected an object");
                continue;
            }
            if (ReadComponent(component, fields, componentPath, bootstrap.Errors) is { } json)
            {
                try
                {
                    set = component.With(set, json);
                    declared.Add(id);
                }
                catch (JsonException e)
                {
                    var field = e.Path?.TrimStart('$', '.') ?? "";
                    bootstrap.Errors.Add(field.Length == 0 ? componentPath : ConfigPath.Key(componentPath, field), "has a value of the wrong type");
                }
            }
        }
        return (set, declared);
    }

    /// <summary>Checks field names and nulls, and turns string values from environment overrides into the field's type.</summary>
    private static JsonElement? ReadComponent(PolicyComponent component, JsonObject fields, string path, ConfigErrors errors)
    {
        var properties = component.Type.GetProperties().ToDictionary(PolicyFields.WireName, p => p, StringComparer.Ordinal);
        var copy = new JsonObject();
        var valid = true;
        foreach (var (name, value) in fields)
        {
            var fieldPath = ConfigPath.Key(path, name);
            if (!properties.TryGetValue(name, out var property))
            {
                errors.Add(fieldPath, $"unknown field of {component.Id}");
                valid = false;
            }
            else if (value is null && Nullability.Create(property).WriteState == NullabilityState.NotNull)
            {
                errors.Add(fieldPath, "must not be null");
                valid = false;
            }
            else
            {
                copy[name] = Coerce(value?.DeepClone(), property.PropertyType);
            }
        }
        return valid ? JsonSerializer.SerializeToElement(copy) : null;
    }

    private static JsonNode? Coerce(JsonNode? value, Type type)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return value;
        var text = v.GetValue<string>();
        if ((type == typeof(bool) || type == typeof(bool?)) && bool.TryParse(text, out var b)) return JsonValue.Create(b);
        var isCollection = type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
        // Note: only collection fields: a string field such as SMSSender.body may well start with '{'.
        if (isCollection && (text.TrimStart().StartsWith('[') || text.TrimStart().StartsWith('{')))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return value;
            }
        }
        return value;
    }
}
