using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAaf.Core.Policies;

/// <summary>
/// One policy component: its wire id, its record type (whose initialisers are the documented defaults),
/// how to read and replace it in a set, and the sanity rules of a method's component.
/// </summary>
public sealed class PolicyComponent
{
    private readonly Func<PolicySet, object> _get;
    private readonly Func<PolicySet, object, PolicySet> _set;
    private readonly Func<PolicySet, IEnumerable<PolicyViolation>> _check;

    private PolicyComponent(
        string id, Type type, Func<PolicySet, object> get, Func<PolicySet, object, PolicySet> set,
        Func<PolicySet, IEnumerable<PolicyViolation>> check, bool showsPublicUrl)
    {
        Id = id;
        Type = type;
        _get = get;
        _set = set;
        _check = check;
        ShowsPublicUrl = showsPublicUrl;
    }

    public string Id { get; }
    public Type Type { get; }

    /// <summary>effective_policy shows the public URL beside the data (api.md §9.2): the component's defaults come from it.</summary>
    public bool ShowsPublicUrl { get; }

    /// <summary>A platform component, a property of <see cref="PolicySet"/>; its rules live with the configuration reader.</summary>
    public static PolicyComponent Of<T>(string id, Func<PolicySet, T> get, Func<PolicySet, T, PolicySet> set, bool showsPublicUrl = false)
        where T : class =>
        new(id, typeof(T), p => get(p), (p, v) => set(p, (T)v), _ => [], showsPublicUrl);

    /// <summary>
    /// A method's component (methods.md §13), kept in the set by its record type (<see cref="PolicySet.Method{T}"/>)
    /// and declared by the method's descriptor; <paramref name="rules"/> are its sanity checks.
    /// </summary>
    public static PolicyComponent ForMethod<T>(string id, Func<T, IEnumerable<PolicyViolation>>? rules = null, bool showsPublicUrl = false)
        where T : class, new() =>
        new(id, typeof(T), p => p.Method<T>(), (p, v) => p.WithMethod((T)v), p => rules?.Invoke(p.Method<T>()) ?? [], showsPublicUrl);

    public object Get(PolicySet set) => _get(set);

    /// <summary>Reads the component from JSON; fields left out keep their defaults, unknown fields throw.</summary>
    public PolicySet With(PolicySet set, JsonElement json) =>
        _set(set, json.Deserialize(Type, PolicyJson.Options) ?? throw new JsonException("null component"));

    /// <summary>The values of this component in <paramref name="set"/> that its rules refuse; none for platform components.</summary>
    public IEnumerable<PolicyViolation> Check(PolicySet set) => _check(set);
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
