using System.Text.Json.Nodes;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary><c>webauthn_request_options</c> (methods.md §10.1): a <c>PublicKeyCredentialRequestOptionsJSON</c>.</summary>
public static class RequestOptionsJson
{
    public const string Key = "webauthn_request_options";

    public static JsonObject Build(Fido2State state, IEnumerable<Fido2Credential> credentials, Fido2Policy policy) => new()
    {
        ["challenge"] = Base64UrlText.Encode(state.Challenge),
        ["timeout"] = (long)policy.Timeout.TotalMilliseconds,
        ["rpId"] = state.RpId,
        ["allowCredentials"] = Descriptors(credentials),
        ["userVerification"] = policy.Options.UserVerification,
        ["extensions"] = new JsonObject(),
    };

    /// <summary>PublicKeyCredentialDescriptorJSON list: allowCredentials here, excludeCredentials at enrollment.</summary>
    public static JsonArray Descriptors(IEnumerable<Fido2Credential> credentials) =>
        new(credentials.Select(c => (JsonNode)new JsonObject
        {
            ["type"] = "public-key",
            ["id"] = Base64UrlText.Encode(c.CredentialId),
            ["transports"] = new JsonArray(c.Transports.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
        }).ToArray());
}
