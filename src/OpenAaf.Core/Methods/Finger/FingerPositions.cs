using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// Finger ids of the wire (methods.md §11): ISO position codes 1 (right thumb) to 10 (left little), sent as
/// strings or numbers and always answered as strings.
/// </summary>
internal static class FingerPositions
{
    /// <summary>The id as a canonical string ("02" and 2 are "2"); null when it is not a finger 1–10.</summary>
    public static string? Parse(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Parse(value.GetString()),
        JsonValueKind.Number => Parse(value.GetRawText()),
        _ => null,
    };

    public static string? Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10
            ? n.ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>Numeric order, so that "10" comes after "9".</summary>
    public static IEnumerable<string> Sorted(IEnumerable<string> positions) =>
        positions.OrderBy(p => int.Parse(p, CultureInfo.InvariantCulture));

    /// <summary>The <c>finger_positions</c> extra and data field: <c>["2", "7"]</c>.</summary>
    public static JsonArray ToJson(IEnumerable<string> positions) =>
        new([.. Sorted(positions).Select(p => (JsonNode?)JsonValue.Create(p))]);
}
