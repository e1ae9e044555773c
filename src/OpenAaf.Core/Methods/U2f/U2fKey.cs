using System.Text.Json;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The secret payload of a U2F:1 template (methods.md §9): everything needed to verify the key. Stored as
/// JSON inside the AES-GCM-sealed template secret, which gives the public key integrity. <see cref="Counter"/> is
/// the value when sealed; logons keep theirs in the template's logon state (<see cref="U2fTemplateKey.Open"/>).
/// </summary>
internal sealed record U2fKey
{
    public required string AppId { get; init; }
    /// <summary>Opaque, 1–255 bytes.</summary>
    public required byte[] KeyHandle { get; init; }
    /// <summary>Uncompressed P-256 point <c>04‖X‖Y</c>, 65 bytes.</summary>
    public required byte[] PublicKey { get; init; }
    /// <summary>The last signature counter accepted (methods.md §9.2 step 8); 0 after registration.</summary>
    public uint Counter { get; init; }
    /// <summary>DER attestation certificate from the registration.</summary>
    public byte[] AttestationCertificate { get; init; } = [];
    public IReadOnlyList<string> Transports { get; init; } = ["usb"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public byte[] ToPayload() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Throws <see cref="JsonException"/> for a payload that is not a U2F key: a bug, since the payload is authenticated.</summary>
    public static U2fKey FromPayload(byte[] payload) =>
        JsonSerializer.Deserialize<U2fKey>(payload, Json) ?? throw new JsonException("A U2F template payload is null.");
}
