using System.Collections.Frozen;

namespace OpenAaf.Core.Methods;

/// <summary>
/// The implementations of the methods by id. Which methods exist is <see cref="MethodCatalog"/>'s business;
/// a method of the catalogue without an implementation is not found here and is refused as not supported.
/// </summary>
public sealed class MethodRegistry(IEnumerable<IAuthenticationMethod> methods)
{
    private readonly FrozenDictionary<string, IAuthenticationMethod> _byId =
        methods.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);

    /// <summary>The implementations the host made from <paramref name="catalog"/>; one the catalogue does not describe is a wiring mistake.</summary>
    public MethodRegistry(MethodCatalog catalog, IEnumerable<IAuthenticationMethod> methods)
        : this(Described(catalog, methods))
    {
    }

    public IAuthenticationMethod? Find(string methodId) => _byId.GetValueOrDefault(methodId);

    public IEnumerable<string> Ids => _byId.Keys;

    private static List<IAuthenticationMethod> Described(MethodCatalog catalog, IEnumerable<IAuthenticationMethod> methods)
    {
        var list = methods.ToList();
        foreach (var method in list)
        {
            if (catalog.Find(method.Id) is not { } descriptor || descriptor.Implementation != Undecorated(method).GetType())
                throw new InvalidOperationException($"{method.GetType().Name} ({method.Id}) is not the implementation its descriptor names.");
        }
        return list;
    }

    private static IAuthenticationMethod Undecorated(IAuthenticationMethod method)
    {
        while (method is IMethodDecorator decorator) method = decorator.Inner;
        return method;
    }
}
