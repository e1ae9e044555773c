using System.Text;
using System.Text.Json.Nodes;

namespace OpenAaf.Server.Tests.Api.Hostile;

/// <summary>
/// Deterministic mutations of a seed request body: byte edits (flip, cut, repeat, insert hostile bytes) and
/// structural edits (a value replaced by one of another type, an edge-case string, or deep nesting).
/// </summary>
public sealed class FuzzMutator(int seed)
{
    private static readonly byte[][] HostileBytes =
    [
        "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\u0000"u8.ToArray(), [0xC3, 0x28], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
        "\""u8.ToArray(), "\\"u8.ToArray(), "{"u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), "1e999"u8.ToArray(), [0x00],
    ];

    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null, _ => "", _ => 0, _ => -1, _ => long.MaxValue, _ => 1.5e300, _ => true, _ => new JsonObject(), _ => new JsonArray(),
        _ => new JsonArray(1, "a", null), r => new string('A', r.Next(1, 70_000)), _ => "\ud800", _ => "\udc00x", _ => "a\0b",
        _ => "JAGUAR\\denis", _ => "*)(uid=*", _ => "' OR 1=1 --", _ => "../../etc/passwd", _ => "%00", _ => "\U0001D54F\u202E",
        _ => "AAAA====", _ => "-_-_", _ => "Rk1SACAyMAAAAAEs", _ => "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", _ => "PASSWORD:1", _ => "FIDO2:1",
        _ => "U2F:1", _ => "TOTP:1", _ => "FINGER:1", _ => "NOPE:9", r => Nested(r.Next(20, 40)),
        _ => new JsonObject { ["signResponse"] = new JsonObject { ["keyHandle"] = "x", ["clientData"] = "e30", ["signatureData"] = "AQ" } },
        _ => new JsonObject { ["capture"] = new JsonObject { ["ISO"] = "Rk1SACAyMAA=", ["captureStatus"] = "OK" } },
    ];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public byte[] Mutate(string seedBody) =>
        _random.Next(2) == 0 ? MutateBytes(Encoding.UTF8.GetBytes(seedBody)) : MutateStructure(seedBody);

    private byte[] MutateBytes(byte[] body)
    {
        var bytes = body.ToList();
        for (var edits = _random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << _random.Next(8)); break;
                case 1: bytes.RemoveRange(at, Math.Min(_random.Next(1, 16), bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(_random.Next(1, 32), bytes.Count - at))); break;
                case 3: bytes.InsertRange(at, HostileBytes[_random.Next(HostileBytes.Length)]); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }

    private byte[] MutateStructure(string seedBody)
    {
        var root = JsonNode.Parse(seedBody)!;
        var nodes = Descendants(root).ToList();
        if (nodes.Count == 0) return MutateBytes(Encoding.UTF8.GetBytes(seedBody));
        for (var edits = _random.Next(1, 3); edits > 0; edits--)
        {
            var target = nodes[_random.Next(nodes.Count)];
            var replacement = Values[_random.Next(Values.Length)](_random);
            if (target.Parent is JsonObject parent)
            {
                var key = target.GetPropertyName();
                parent[_random.Next(8) == 0 ? key.ToUpperInvariant() + "_" : key] = replacement;
            }
            else if (target.Parent is JsonArray array)
            {
                array[target.GetElementIndex()] = replacement;
            }
            nodes = Descendants(root).ToList();
            if (nodes.Count == 0) break;
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var d in Descendants(child)) yield return d;
        }
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = "x";
        for (var i = 0; i < depth; i++) node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        return node;
    }
}
