using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// The secret payload of a FIDO2:1 template (methods.md §10 "Template stores"), sealed with the master key
/// by <see cref="Templates.TemplateSecrets"/>. <see cref="SignCount"/> is the mutable counter, updated with
/// compare-and-set on the template version when a logon passes.
/// </summary>
public sealed record Fido2Credential
{
    public required string RpId { get; init; }
    public required byte[] CredentialId { get; init; }
    /// <summary>The COSE_Key bytes exactly as the authenticator sent them.</summary>
    public required byte[] PublicKey { get; init; }
    public required int Algorithm { get; init; }
    public uint SignCount { get; init; }
    public Guid Aaguid { get; init; }
    public string Format { get; init; } = "none";
    public IReadOnlyList<string> Transports { get; init; } = [];
    public byte[] UserHandle { get; init; } = [];
    public bool BackupEligible { get; init; }
    public bool BackupState { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Throws <see cref="JsonException"/> for a payload that is not a FIDO2 credential (a storage fault, not user input).</summary>
    public static Fido2Credential Deserialize(byte[] payload) =>
        JsonSerializer.Deserialize<Fido2Credential>(payload, Json) ?? throw new JsonException("empty FIDO2 payload");

    /// <summary>The template's display data: <c>{"rp_id": "…", "aaguid": "…"}</c> (methods.md §10).</summary>
    public string DisplayData() => new System.Text.Json.Nodes.JsonObject
    {
        ["rp_id"] = RpId,
        ["aaguid"] = Aaguid.ToString("D"),
    }.ToJsonString();
}
