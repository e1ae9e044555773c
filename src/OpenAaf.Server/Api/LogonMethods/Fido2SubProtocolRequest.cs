using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Methods;

namespace OpenAaf.Server.Api.LogonMethods;

/// <summary>
/// Turns a sub-protocol message into the <c>response</c> payload of the native path (methods.md §10.3,
/// §10.5): a body with <c>rawId</c> or <c>response</c> is a credential and becomes
/// <c>{"webauthn_response": …}</c>; anything else is an options request, which is the empty payload (the
/// process already holds its challenge from step 1, so the method repeats its options).
/// </summary>
public static class Fido2SubProtocolRequest
{
    public static bool IsCredential(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && (JsonKeys.TryGet(body, "rawId", out _) || JsonKeys.TryGet(body, "response", out _));

    public static MethodInput ToInput(JsonElement body)
    {
        if (!IsCredential(body)) return MethodInput.None;
        var credential = new JsonObject();
        Copy(body, "id", credential);
        Copy(body, "rawId", credential);
        Copy(body, "type", credential);
        Copy(body, "response", credential);
        // The library's name for clientExtensionResults is getClientExtensionResults.
        if (!Copy(body, "clientExtensionResults", credential) && JsonKeys.TryGet(body, "getClientExtensionResults", out var results))
            credential["clientExtensionResults"] = JsonNode.Parse(results.GetRawText());
        var payload = new JsonObject { ["webauthn_response"] = credential };
        return new MethodInput(JsonSerializer.SerializeToElement(payload));
    }

    private static bool Copy(JsonElement from, string key, JsonObject to)
    {
        if (!JsonKeys.TryGet(from, key, out var value)) return false;
        to[key] = JsonNode.Parse(value.GetRawText());
        return true;
    }
}
