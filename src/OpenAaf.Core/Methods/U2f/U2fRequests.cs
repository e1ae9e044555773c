using System.Text.Json.Nodes;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>The envelope extras of U2F:1, key by key as methods.md §9.1 and §9.4 show them.</summary>
internal static class U2fRequests
{
    private const string Version = "U2F_V2";

    /// <summary><c>signRequests</c>: one entry per key, all with the same challenge.</summary>
    public static JsonArray SignRequests(IEnumerable<U2fKey> keys, U2fChallenge challenge) =>
        new(keys.Select(k => (JsonNode)new JsonObject
        {
            ["version"] = Version,
            ["appId"] = k.AppId,
            ["keyHandle"] = WebSafeBase64.Encode(k.KeyHandle),
            ["challenge"] = challenge.Encoded,
        }).ToArray());

    /// <summary>
    /// <c>webauth_challenge</c> (§9.1): the same challenge for WebAuthn clients using the appid extension,
    /// in lower-case hex, which such a client decodes to bytes, so its clientDataJSON carries the
    /// signRequests challenge string. One appid per call: the first key's.
    /// </summary>
    public static JsonObject WebAuthChallenge(IReadOnlyList<U2fKey> keys, U2fChallenge challenge, int timeoutSeconds) => new()
    {
        ["challenge"] = Convert.ToHexStringLower(challenge.Bytes),
        ["allowCredentials"] = new JsonArray(keys.Select(k => (JsonNode)new JsonObject
        {
            ["type"] = "public-key",
            ["id"] = Convert.ToHexStringLower(k.KeyHandle),
            ["transports"] = new JsonArray(k.Transports.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
        }).ToArray()),
        ["userVerification"] = "discouraged",
        ["extensions"] = new JsonObject { ["appid"] = keys[0].AppId },
        ["timeout"] = timeoutSeconds * 1000L,
    };

    /// <summary><c>registerRequests</c> of enrollment step 1 (§9.4).</summary>
    public static JsonArray RegisterRequests(string appId, U2fChallenge challenge) =>
    [
        new JsonObject { ["version"] = Version, ["challenge"] = challenge.Encoded, ["appId"] = appId },
    ];
}
