using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// Stores one policy component per object, in its wire vocabulary (<see cref="PolicyJson"/>), with the
/// fields marked <see cref="SecretAttribute"/> (transport passwords) encrypted.
/// </summary>
internal sealed class PolicyCodec(SecretProtector protector, IReadOnlyList<PolicyComponent> components)
{
    public StoredConfigObject Encode(string componentId, PolicySet policies)
    {
        var component = Find(componentId) ?? throw new ArgumentException($"Unknown policy component {componentId}.");
        var node = JsonSerializer.SerializeToNode(component.Get(policies), component.Type, PolicyJson.Options)!.AsObject();
        foreach (var field in PolicyFields.SecretFields(component.Type))
        {
            if (node[field]?.GetValue<string>() is { Length: > 0 } clear)
                node[field] = protector.ProtectString(clear, Purpose(componentId, field));
        }
        return new(ConfigObjectKinds.Policy, componentId, componentId, node.ToJsonString());
    }

    /// <summary>Defaults, replaced component by component by what is stored; unknown components are skipped.</summary>
    public PolicySet Decode(IEnumerable<StoredConfigObject> items)
    {
        var set = PolicySet.Defaults;
        foreach (var item in items)
        {
            if (Find(item.Id) is not { } component) continue;
            var node = JsonNode.Parse(item.Json)!.AsObject();
            foreach (var field in PolicyFields.SecretFields(component.Type))
            {
                if (node[field]?.GetValue<string>() is { Length: > 0 } stored)
                    node[field] = Reveal(stored, Purpose(item.Id, field));
            }
            set = component.With(set, JsonSerializer.SerializeToElement(node));
        }
        return set;
    }

    private PolicyComponent? Find(string id) => components.FirstOrDefault(c => c.Id == id);

    private static string Purpose(string componentId, string field) => $"policy-secret:{componentId}.{field}";

    private string Reveal(string stored, string purpose)
    {
        try
        {
            return protector.UnprotectString(stored, purpose);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidDataException($"The stored policy secret {purpose} cannot be decrypted.", e);
        }
    }
}
