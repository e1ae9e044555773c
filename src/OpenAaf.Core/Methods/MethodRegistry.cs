using System.Collections.Frozen;

namespace OpenAaf.Core.Methods;

/// <summary>The implemented methods by id; the only place that knows which ids exist.</summary>
public sealed class MethodRegistry(IEnumerable<IAuthenticationMethod> methods)
{
    private readonly FrozenDictionary<string, IAuthenticationMethod> _byId =
        methods.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);

    public IAuthenticationMethod? Find(string methodId) => _byId.GetValueOrDefault(methodId);

    public IEnumerable<string> Ids => _byId.Keys;
}
