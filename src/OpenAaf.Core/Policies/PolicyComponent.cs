using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAaf.Core.Policies;

/// <summary>One policy component: its wire id, its record type, and how to read and replace it in a set.</summary>
public sealed class PolicyComponent
{
    private readonly Func<PolicySet, object> _get;
    private readonly Func<PolicySet, object, PolicySet> _set;

    private PolicyComponent(string id, Type type, Func<PolicySet, object> get, Func<PolicySet, object, PolicySet> set)
    {
        Id = id;
        Type = type;
        _get = get;
        _set = set;
    }

    public string Id { get; }
    public Type Type { get; }

    public static PolicyComponent Of<T>(string id, Func<PolicySet, T> get, Func<PolicySet, T, PolicySet> set)
        where T : class =>
        new(id, typeof(T), p => get(p), (p, v) => set(p, (T)v));

    public object Get(PolicySet set) => _get(set);

    /// <summary>Reads the component from JSON; fields left out keep their defaults, unknown fields throw.</summary>
    public PolicySet With(PolicySet set, JsonElement json) =>
        _set(set, json.Deserialize(Type, PolicyJson.Options) ?? throw new JsonException("null component"));
}

/// <summary>The one JSON vocabulary of policies: snake_case wire names, unknown fields refused.</summary>
public static class PolicyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
