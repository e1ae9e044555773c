using System.Text.Json;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// A decoded logon answer: a legacy U2F <c>signResponse</c> (methods.md §9.2) or a WebAuthn assertion made
/// with the <c>appid</c> extension (§9.3). Both carry a key handle, client data and a DER signature over
/// <c>authenticator data ‖ SHA-256(client data)</c>; only where flags and counter come from differs.
/// </summary>
internal sealed record U2fAssertion
{
    public required byte[] KeyHandle { get; init; }
    public required byte[] ClientData { get; init; }
    /// <summary>Legacy: <c>flags ‖ counter ‖ signature</c>; null for WebAuthn.</summary>
    public byte[]? SignatureData { get; init; }
    /// <summary>WebAuthn: <c>rpIdHash ‖ flags ‖ counter ‖ …</c>; null for legacy.</summary>
    public byte[]? AuthenticatorData { get; init; }
    /// <summary>WebAuthn: the DER signature; null for legacy.</summary>
    public byte[]? Signature { get; init; }

    public bool IsWebAuthn => AuthenticatorData is not null;

    /// <summary>methods.md §9.2 step 1: every field decodes within its limits, else null (U2F_BAD_RESPONSE).</summary>
    public static U2fAssertion? FromSignResponse(JsonElement signResponse)
    {
        var input = new MethodInput(signResponse);
        var keyHandle = WebSafeBase64.Decode(input.GetString("keyHandle"), U2fLimits.KeyHandle);
        var signatureData = WebSafeBase64.Decode(input.GetString("signatureData"), U2fLimits.SignatureData);
        var clientData = WebSafeBase64.Decode(input.GetString("clientData"), U2fLimits.ClientData);
        return keyHandle is null || signatureData is null || clientData is null
            ? null
            : new U2fAssertion { KeyHandle = keyHandle, ClientData = clientData, SignatureData = signatureData };
    }

    /// <summary>methods.md §9.3: the key handle is <c>rawId</c> (or <c>id</c>); the rest is under <c>response</c>.</summary>
    public static U2fAssertion? FromWebAuthn(JsonElement credential)
    {
        var input = new MethodInput(credential);
        var rawId = WebSafeBase64.Decode(input.GetString("rawId"), U2fLimits.KeyHandle);
        var id = WebSafeBase64.Decode(input.GetString("id"), U2fLimits.KeyHandle);
        // Both present but different: the client is confused or lying about which key answered.
        if (rawId is not null && id is not null && !rawId.AsSpan().SequenceEqual(id)) return null;
        if (!input.TryGetObject("response", out var response)) return null;
        var fields = new MethodInput(response);
        var clientData = WebSafeBase64.Decode(fields.GetString("clientDataJSON"), U2fLimits.ClientData);
        var authenticatorData = WebSafeBase64.Decode(fields.GetString("authenticatorData"), U2fLimits.AuthenticatorData);
        var signature = WebSafeBase64.Decode(fields.GetString("signature"), U2fLimits.Signature);
        return (rawId ?? id) is not { } keyHandle || clientData is null || authenticatorData is null || signature is null
            ? null
            : new U2fAssertion { KeyHandle = keyHandle, ClientData = clientData, AuthenticatorData = authenticatorData, Signature = signature };
    }
}
