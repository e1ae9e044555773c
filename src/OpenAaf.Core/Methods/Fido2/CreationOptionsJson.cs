using System.Text.Json.Nodes;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary><c>webauthn_creation_options</c> (methods.md §10.4): a <c>PublicKeyCredentialCreationOptionsJSON</c>.</summary>
public static class CreationOptionsJson
{
    public const string Key = "webauthn_creation_options";

    public static JsonObject Build(Fido2State state, AuthenticatedUser user, Fido2Policy policy, IEnumerable<Fido2Credential> existing)
    {
        var options = policy.Options;
        return new JsonObject
        {
            ["rp"] = new JsonObject { ["id"] = state.RpId, ["name"] = NonEmpty(options.RpName, "OpenAAF") },
            ["user"] = new JsonObject
            {
                ["id"] = Base64UrlText.Encode(UserHandle(user)),
                ["name"] = user.UserName,
                ["displayName"] = NonEmpty(user.Account.CommonName, user.Account.LoginName),
            },
            ["challenge"] = Base64UrlText.Encode(state.Challenge),
            ["pubKeyCredParams"] = new JsonArray(policy.Algorithms
                .Select(a => (JsonNode)new JsonObject { ["type"] = "public-key", ["alg"] = a }).ToArray()),
            ["timeout"] = (long)policy.Timeout.TotalMilliseconds,
            ["excludeCredentials"] = RequestOptionsJson.Descriptors(existing),
            ["authenticatorSelection"] = new JsonObject
            {
                ["residentKey"] = options.ResidentKey,
                ["requireResidentKey"] = options.ResidentKey == "required",
                ["userVerification"] = options.UserVerification,
            },
            ["attestation"] = NonEmpty(options.Attestation, "none"),
            ["extensions"] = new JsonObject { ["credProps"] = true },
        };
    }

    /// <summary>methods.md §10: the user handle is the 16 bytes of the user's <c>user_id</c> (32 hex characters).</summary>
    public static byte[] UserHandle(AuthenticatedUser user) =>
        user.UserId.Length == 32 && user.UserId.All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(user.UserId)
            : System.Text.Encoding.UTF8.GetBytes(user.UserId);

    private static string NonEmpty(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
