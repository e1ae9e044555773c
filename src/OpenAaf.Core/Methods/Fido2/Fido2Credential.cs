using System.Text.Json;
using System.Text.Json.Serialization;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// The secret payload of a FIDO2:1 template (methods.md §10 "Template stores"), sealed with the master key
/// by <see cref="Templates.TemplateSecrets"/>. <see cref="SignCount"/> and the backup flags are their values when
/// sealed; a logon that passes records new ones in the template's <see cref="Fido2LogonState"/>, with
/// compare-and-set on the template version, and <see cref="Open"/> applies them.
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

    /// <summary>The template's credential with the counter and flags of its logon state, when a logon has written one.</summary>
    public static Fido2Credential Open(TemplateSecrets secrets, Template template)
    {
        var credential = Deserialize(secrets.Open(template));
        return TemplateLogonState.Read<Fido2LogonState>(template) is { } state
            ? credential with { SignCount = state.SignCount, BackupEligible = state.BackupEligible, BackupState = state.BackupState }
            : credential;
    }

    /// <summary>The template's display data: <c>{"rp_id": "…", "aaguid": "…"}</c> (methods.md §10).</summary>
    public string DisplayData() => new System.Text.Json.Nodes.JsonObject
    {
        ["rp_id"] = RpId,
        ["aaguid"] = Aaguid.ToString("D"),
    }.ToJsonString();
}
