using System.Collections.Frozen;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods;

/// <summary>
/// The methods a server has, in the order the wire lists them (methods/get, the method components of
/// effective_policy): the only list of methods. Configuration checks chains and policy components against
/// it, and the host registers each implementation it names. Built once at start; a mistake in a descriptor
/// (a duplicate id, component or msgid, an implementation of the wrong kind) stops the start.
/// </summary>
public sealed class MethodCatalog
{
    private readonly FrozenDictionary<string, MethodDescriptor> _byId;
    private readonly FrozenDictionary<string, PolicyComponent> _componentsById;

    public MethodCatalog(IEnumerable<MethodDescriptor> methods)
    {
        All = methods.ToList();
        foreach (var method in All) CheckImplementation(method);
        _byId = Unique(All, m => m.Id, "method id");
        PolicyComponents = [.. PolicySet.PlatformComponents, .. All.Select(m => m.Policy).OfType<PolicyComponent>()];
        _componentsById = Unique(PolicyComponents, c => c.Id, "policy component id");
        Unique(PolicyComponents, c => c.Type.FullName!, "policy component type");
        Outcomes = [.. MethodDescriptor.OutcomesOf(typeof(Catalogue.Outcomes)), .. All.SelectMany(m => m.Outcomes)];
        Unique(Outcomes.Distinct(), o => o.MsgId, "msgid");
    }

    public IReadOnlyList<MethodDescriptor> All { get; }

    /// <summary>Every policy component: the platform's (api.md §10.2), then each method's in method order.</summary>
    public IReadOnlyList<PolicyComponent> PolicyComponents { get; }

    /// <summary>The whole msgid catalogue: the shared entries, then each method's own.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; }

    public MethodDescriptor? Find(string methodId) => _byId.GetValueOrDefault(methodId);

    public PolicyComponent? FindPolicyComponent(string componentId) => _componentsById.GetValueOrDefault(componentId);

    /// <summary>This catalogue with more methods after its own (a host that adds methods of its own).</summary>
    public MethodCatalog With(params MethodDescriptor[] more) => new([.. All, .. more]);

    private static void CheckImplementation(MethodDescriptor method)
    {
        if (method.Implementation is { } logon && !typeof(IAuthenticationMethod).IsAssignableFrom(logon))
            throw new ArgumentException($"{method.Id}: {logon.Name} is not an {nameof(IAuthenticationMethod)}.");
        if (method.Enrollment is { } enroll && !typeof(IEnrollableMethod).IsAssignableFrom(enroll))
            throw new ArgumentException($"{method.Id}: {enroll.Name} is not an {nameof(IEnrollableMethod)}.");
        if (method.Enrollment is not null && method.Implementation is null)
            throw new ArgumentException($"{method.Id}: a method that can be enrolled needs a logon implementation.");
    }

    private static FrozenDictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> key, string what)
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.TryAdd(key(item), item)) throw new ArgumentException($"Duplicate {what} \"{key(item)}\" in the method catalogue.");
        }
        return seen.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
