using System.Security.Cryptography;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// Turns definitions into stored objects and back. Secrets (endpoint secrets, bind passwords) are
/// AES-GCM encrypted under a purpose naming the object, so a ciphertext cannot be moved to another record.
/// </summary>
internal sealed class StoredObjectCodec(SecretProtector protector, IReadOnlyList<Policies.PolicyComponent> policyComponents)
{
    private readonly PolicyCodec _policies = new(protector, policyComponents);

    public static string EndpointSecretPurpose(string id) => $"endpoint-secret:{id}";
    public static string BindPasswordPurpose(string id) => $"repository-bind-password:{id}";

    public StoredConfigObject Encode(RepositoryDefinition value, int position) =>
        new(ConfigObjectKinds.Repository, value.Id, value.Name, ConfigJson.Serialize(position,
            value with { BindPassword = Protect(value.BindPassword, BindPasswordPurpose(value.Id)) }));

    public StoredConfigObject Encode(EndpointDefinition value, int position) =>
        new(ConfigObjectKinds.Endpoint, value.Id, value.Name, ConfigJson.Serialize(position,
            value with { Secret = Protect(value.Secret, EndpointSecretPurpose(value.Id)) }));

    public static StoredConfigObject Encode(ChainDefinition value, int position) =>
        new(ConfigObjectKinds.Chain, value.Id, value.Name, ConfigJson.Serialize(position, value));

    public static StoredConfigObject Encode(EventDefinition value, int position) =>
        new(ConfigObjectKinds.Event, value.Id, value.Name, ConfigJson.Serialize(position, value));

    /// <summary>Categories are bound by their id (the <c>category_id</c> clients see), so id and name are the same key.</summary>
    public static StoredConfigObject Encode(Category value, int position) =>
        new(ConfigObjectKinds.Category, value.Id, value.Id, ConfigJson.Serialize(position, value));

    public StoredConfigObject EncodePolicy(string componentId, Policies.PolicySet policies) =>
        _policies.Encode(componentId, policies);

    /// <summary>Builds the snapshot of every stored object; kinds this version does not know are skipped.</summary>
    public ConfigurationSnapshot Decode(IReadOnlyList<StoredConfigObject> items) => new(
        DecodeKind<RepositoryDefinition>(items, ConfigObjectKinds.Repository,
            r => r with { BindPassword = Unprotect(r.BindPassword, BindPasswordPurpose(r.Id), r.Id) }),
        DecodeKind<ChainDefinition>(items, ConfigObjectKinds.Chain, c => c),
        DecodeKind<EventDefinition>(items, ConfigObjectKinds.Event, e => e),
        DecodeKind<Category>(items, ConfigObjectKinds.Category, c => c),
        DecodeKind<EndpointDefinition>(items, ConfigObjectKinds.Endpoint,
            e => e with { Secret = Unprotect(e.Secret, EndpointSecretPurpose(e.Id), e.Id) }),
        _policies.Decode(items.Where(i => i.Kind == ConfigObjectKinds.Policy)));

    private static List<T> DecodeKind<T>(IReadOnlyList<StoredConfigObject> items, string kind, Func<T, T> reveal) =>
        items.Where(i => i.Kind == kind)
            .Select(i => ConfigJson.Deserialize<T>(i))
            .OrderBy(e => e.Position)
            .Select(e => reveal(e.Value))
            .ToList();

    // Note: an empty secret stays empty: there is nothing to hide, and "" must round-trip as "".
    private string Protect(string plaintext, string purpose) =>
        plaintext.Length == 0 ? "" : protector.ProtectString(plaintext, purpose);

    private string Unprotect(string stored, string purpose, string id)
    {
        if (stored.Length == 0) return "";
        try
        {
            return protector.UnprotectString(stored, purpose);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidDataException($"The stored secret of configuration object {id} cannot be decrypted ({purpose}).", e);
        }
    }
}
