using System.Text.Json;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>The two kinds of FIDO2:1 <c>response</c> payloads: options requests (<c>rp_id</c>) and credentials (<c>webauthn_response</c>).</summary>
internal static class Fido2Input
{
    public const string CredentialKey = "webauthn_response";

    /// <summary>True when the payload carries a credential; <paramref name="credential"/> is then its value (possibly not an object).</summary>
    public static bool HasCredential(MethodInput input, out JsonElement credential)
    {
        credential = default;
        return !input.IsEmpty && JsonKeys.TryGet(input.Raw, CredentialKey, out credential);
    }

    /// <summary>The requested RP id (<c>rp_id</c>, alias <c>rpId</c>); "" when it is present but not a string.</summary>
    public static string? RequestedRpId(MethodInput input) =>
        input.HasNonString("rp_id") ? "" : input.GetString("rp_id");
}
