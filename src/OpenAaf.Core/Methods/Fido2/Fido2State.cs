using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// The method's state in a logon or enroll process: the one outstanding challenge, its RP id and expiry.
/// There is only ever one, so the native and the sub-protocol paths can never hold two (methods.md §10.3).
/// </summary>
public sealed record Fido2State(string RpId, byte[] Challenge, DateTimeOffset ExpiresAt)
{
    public const int ChallengeLength = 32;

    /// <summary>A fresh 32-byte challenge from the context's random source (replayable in tests).</summary>
    public static Fido2State Issue(string rpId, Security.IRandomSource random, DateTimeOffset now, TimeSpan lifetime)
    {
        var challenge = new byte[ChallengeLength];
        random.Fill(challenge);
        return new Fido2State(rpId, challenge, now + lifetime);
    }

    public bool IsLive(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>WebAuthn §7.1 step 8 / §7.2 step 12: the client's challenge must be this one, unexpired.</summary>
    public bool Matches(string clientChallenge, DateTimeOffset now) =>
        IsLive(now) && Base64UrlText.TryDecode(clientChallenge, ChallengeLength, out var bytes) &&
        CryptographicOperations.FixedTimeEquals(bytes, Challenge);

    public string Serialize() => new JsonObject
    {
        ["rp_id"] = RpId,
        ["challenge"] = Base64UrlText.Encode(Challenge),
        ["expires_at"] = ExpiresAt.ToUnixTimeMilliseconds(),
    }.ToJsonString();

    /// <summary>Null for no state, or for a state written by something else (it is then simply replaced).</summary>
    public static Fido2State? Parse(string? state)
    {
        if (string.IsNullOrEmpty(state)) return null;
        try
        {
            var node = JsonNode.Parse(state);
            var rpId = (string?)node?["rp_id"];
            var challenge = (string?)node?["challenge"];
            var expires = (long?)node?["expires_at"];
            return rpId is not null && expires is { } ms && Base64UrlText.TryDecode(challenge, ChallengeLength, out var bytes) &&
                   bytes.Length == ChallengeLength
                ? new Fido2State(rpId, bytes, DateTimeOffset.FromUnixTimeMilliseconds(ms))
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
