using System.Security.Cryptography;
using System.Text.Json;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The outstanding challenge of a logon or enroll process (methods.md §9.1 step 2, §9.4), kept in the
/// method state between steps: 32 bytes from the injected random source, an expiry, and for enrollment
/// the appId the registration is for. A new challenge replaces the old one; a verification consumes it.
/// </summary>
internal sealed record U2fChallenge(byte[] Bytes, DateTimeOffset ExpiresAt, string? AppId = null)
{
    public const int Size = 32;

    public static U2fChallenge Issue(IRandomSource random, TimeProvider time, int timeoutSeconds, string? appId = null)
    {
        var bytes = new byte[Size];
        random.Fill(bytes);
        return new U2fChallenge(bytes, time.GetUtcNow().AddSeconds(Math.Max(1, timeoutSeconds)), appId);
    }

    /// <summary>The challenge as the U2F API carries it: base64url without padding.</summary>
    public string Encoded => WebSafeBase64.Encode(Bytes);

    /// <summary>
    /// True when <paramref name="answered"/> (the decoded clientData challenge) is exactly this challenge and
    /// it has not expired. Constant-time, because the challenge is what makes a signature fresh.
    /// </summary>
    public bool Accepts(ReadOnlySpan<byte> answered, DateTimeOffset now) =>
        now < ExpiresAt & CryptographicOperations.FixedTimeEquals(answered, Bytes);

    public string ToState() => JsonSerializer.Serialize(new State(Encoded, ExpiresAt.ToUnixTimeMilliseconds(), AppId));

    /// <summary>The challenge of the method state, or null at a first step or for a state this class did not write.</summary>
    public static U2fChallenge? FromState(string? state)
    {
        if (string.IsNullOrEmpty(state)) return null;
        try
        {
            var saved = JsonSerializer.Deserialize<State>(state);
            return saved is not null && WebSafeBase64.Decode(saved.Challenge, Size) is { Length: Size } bytes
                ? new U2fChallenge(bytes, DateTimeOffset.FromUnixTimeMilliseconds(saved.ExpiresAt), saved.AppId)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record State(string Challenge, long ExpiresAt, string? AppId);
}
