using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// The enrolled fingers of a FINGER:1 template: its sealed payload, and during enrollment the working set
/// of methods.md §11.3 (kept in the enroll process state, which lives in memory only). Immutable.
/// </summary>
public sealed record FingerSet
{
    private const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static FingerSet Empty { get; } = new();

    public int Version { get; init; } = CurrentVersion;

    /// <summary>Impressions by finger position ("1"–"10").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FingerImpression>> Fingers { get; init; } =
        new Dictionary<string, IReadOnlyList<FingerImpression>>();

    public string? DuressFingerIndex { get; init; }
    public bool MultiFingerReaderMode { get; init; }

    [JsonIgnore]
    public IEnumerable<string> Positions => FingerPositions.Sorted(Fingers.Keys);

    /// <summary>This set with <paramref name="finger"/>'s impressions replaced (methods.md §11.3, "a valid group replaces").</summary>
    public FingerSet With(string finger, IReadOnlyList<FingerImpression> impressions) =>
        this with { Fingers = new Dictionary<string, IReadOnlyList<FingerImpression>>(Fingers) { [finger] = impressions } };

    /// <summary>This set without <paramref name="fingers"/>; removing the duress finger clears it (methods.md §11.3).</summary>
    public FingerSet Without(IReadOnlyCollection<string> fingers) => this with
    {
        Fingers = Fingers.Where(f => !fingers.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value),
        DuressFingerIndex = DuressFingerIndex is { } duress && fingers.Contains(duress) ? null : DuressFingerIndex,
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Throws <see cref="JsonException"/> for a payload that is not a finger set: a bug or tampering, never a user error.</summary>
    public static FingerSet FromBytes(ReadOnlySpan<byte> json)
    {
        var set = JsonSerializer.Deserialize<FingerSet>(json, Json) ?? throw new JsonException("Empty FINGER:1 payload.");
        if (set.Version != CurrentVersion || set.Fingers.Any(f => FingerPositions.Parse(f.Key) != f.Key || f.Value is null))
            throw new JsonException("FINGER:1 payload has an unknown version or finger position.");
        return set;
    }

    /// <summary>Opens a template's sealed payload; the plaintext is wiped once parsed.</summary>
    public static FingerSet Open(TemplateSecrets secrets, Template template)
    {
        var plaintext = secrets.Open(template);
        try
        {
            return FromBytes(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
