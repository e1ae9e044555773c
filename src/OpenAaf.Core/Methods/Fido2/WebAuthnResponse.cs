using System.Text.Json;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// A <c>RegistrationResponseJSON</c> or <c>AuthenticationResponseJSON</c> (WebAuthn L3 §5.1) with every
/// binary field decoded. Each field has a size limit far above what authenticators send, so an oversized
/// value is malformed rather than work for the parsers.
/// </summary>
public sealed record WebAuthnResponse
{
    public const int MaxClientDataJson = 4096;
    public const int MaxAuthenticatorData = 8192;
    public const int MaxSignature = 1024;
    public const int MaxUserHandle = 64;
    public const int MaxAttestationObject = 64 * 1024;
    private const int MaxCredentialId = Fido2.AuthenticatorData.MaxCredentialIdLength;
    private const int MaxTransports = 8, MaxTransportLength = 32;

    public required byte[] CredentialId { get; init; }
    public required byte[] ClientDataJson { get; init; }
    public byte[]? AuthenticatorData { get; init; }
    public byte[]? Signature { get; init; }
    /// <summary>Null when absent, null or empty.</summary>
    public byte[]? UserHandle { get; init; }
    public byte[]? AttestationObject { get; init; }
    public IReadOnlyList<string> Transports { get; init; } = [];

    /// <summary>Null when a field is missing, of the wrong type, not base64url, or too large.</summary>
    public static WebAuthnResponse? TryParse(JsonElement credential)
    {
        if (credential.ValueKind != JsonValueKind.Object) return null;
        if (JsonKeys.TryGet(credential, "type", out var type) && !(type.ValueKind == JsonValueKind.String && type.GetString() == "public-key"))
            return null;
        if (CredentialIdOf(credential) is not { } id) return null;
        if (!JsonKeys.TryGet(credential, "response", out var response) || response.ValueKind != JsonValueKind.Object) return null;
        if (!Required(response, "clientDataJSON", MaxClientDataJson, out var clientData)) return null;
        if (!Optional(response, "authenticatorData", MaxAuthenticatorData, out var authData) ||
            !Optional(response, "signature", MaxSignature, out var signature) ||
            !Optional(response, "userHandle", MaxUserHandle, out var userHandle) ||
            !Optional(response, "attestationObject", MaxAttestationObject, out var attestation) ||
            !TryTransports(response, out var transports))
            return null;
        return new WebAuthnResponse
        {
            CredentialId = id, ClientDataJson = clientData, AuthenticatorData = authData, Signature = signature,
            UserHandle = userHandle is { Length: > 0 } ? userHandle : null, AttestationObject = attestation, Transports = transports,
        };
    }

    /// <summary>WebAuthn §7.2 step 5 input: <c>rawId</c>, else <c>id</c>; when both are present they must agree.</summary>
    private static byte[]? CredentialIdOf(JsonElement credential)
    {
        if (!Optional(credential, "rawId", MaxCredentialId, out var rawId) ||
            !Optional(credential, "id", MaxCredentialId, out var id))
            return null;
        if (rawId is not null && id is not null && !rawId.AsSpan().SequenceEqual(id)) return null;
        return rawId is { Length: > 0 } ? rawId : id is { Length: > 0 } ? id : null;
    }

    private static bool Required(JsonElement obj, string key, int max, out byte[] bytes)
    {
        bytes = [];
        return Optional(obj, key, max, out var value) && value is not null && (bytes = value).Length > 0;
    }

    private static bool Optional(JsonElement obj, string key, int max, out byte[]? bytes)
    {
        bytes = null;
        if (!JsonKeys.TryGet(obj, key, out var value)) return true;
        if (value.ValueKind != JsonValueKind.String || !Base64UrlText.TryDecode(value.GetString(), max, out var decoded)) return false;
        bytes = decoded;
        return true;
    }

    private static bool TryTransports(JsonElement response, out IReadOnlyList<string> transports)
    {
        transports = [];
        if (!JsonKeys.TryGet(response, "transports", out var value)) return true;
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxTransports) return false;
        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 and <= MaxTransportLength } text) return false;
            if (!list.Contains(text, StringComparer.Ordinal)) list.Add(text);
        }
        transports = list;
        return true;
    }
}
