using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// Merges a bootstrap document into the current configuration, by name. Declared objects come first,
/// in file order, and keep the id they already have; objects the file does not declare (made through
/// the admin API, or dropped from the file) are kept after them. Pure: ids come from <see cref="RandomIds"/>.
/// </summary>
internal static class BootstrapMerger
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    public static BootstrapPlan Merge(ConfigurationSnapshot current, BootstrapDocument document, IReadOnlyList<PolicyComponent> policyComponents)
    {
        var chains = MergeChains(current.Chains, document.Chains);
        var (endpoints, deleted) = EndpointMerger.Merge(current.Endpoints, document.Endpoints);
        return new BootstrapPlan(
            MergeRepositories(current.Repositories, document.Repositories),
            chains,
            MergeEvents(current.Events, document.Events, chains),
            KeepOthers(document.Categories, current.Categories, c => c.Id, StringComparer.Ordinal),
            endpoints,
            deleted,
            MergePolicies(current.Policies, document, policyComponents));
    }

    private static List<RepositoryDefinition> MergeRepositories(
        IReadOnlyList<RepositoryDefinition> existing, IReadOnlyList<RepositoryDefinition> declared)
    {
        var list = declared.Select(r => r with
        {
            Id = existing.FirstOrDefault(e => Names.Equals(e.Name, r.Name))?.Id ?? RandomIds.NewHexId(),
            TenantId = Tenant.DefaultId,
        }).ToList();
        var merged = KeepOthers(list, existing, r => r.Name, Names);
        // The LOCAL repository always exists, whether or not a file declares it.
        if (!merged.Any(r => Names.Equals(r.Name, RepositoryDefinition.LocalName)))
            merged.Insert(0, new RepositoryDefinition { Id = RandomIds.NewHexId(), Name = RepositoryDefinition.LocalName, Kind = RepositoryKind.Local });
        return merged;
    }

    private static List<ChainDefinition> MergeChains(IReadOnlyList<ChainDefinition> existing, IReadOnlyList<ChainDeclaration> declared)
    {
        // Ids first, so that a required chain may be declared after the chain that needs it.
        var ids = declared.ToDictionary(c => c.Name, c => existing.FirstOrDefault(e => Names.Equals(e.Name, c.Name))?.Id ?? RandomIds.NewHexId(), Names);
        var list = declared.Select(c => new ChainDefinition
        {
            Id = ids[c.Name],
            Name = c.Name,
            ShortName = c.ShortName,
            Methods = c.Methods,
            Enabled = c.Enabled,
            Groups = c.Groups,
            ApplyForEndpointOwner = c.ApplyForEndpointOwner,
            RequiredChainId = c.RequiredChain is null ? null : ChainId(c.RequiredChain, ids, existing, $"chain \"{c.Name}\""),
            GracePeriodHours = c.GracePeriodHours,
            ImageName = c.ImageName,
        }).ToList();
        return KeepOthers(list, existing, c => c.Name, Names);
    }

    private static List<EventDefinition> MergeEvents(
        IReadOnlyList<EventDefinition> existing, IReadOnlyList<EventDeclaration> declared, IReadOnlyList<ChainDefinition> chains)
    {
        var chainIds = chains.ToDictionary(c => c.Name, c => c.Id, Names);
        var list = declared.Select(e => new EventDefinition
        {
            Id = existing.FirstOrDefault(x => Names.Equals(x.Name, e.Name))?.Id ?? RandomIds.NewHexId(),
            Name = e.Name,
            Type = e.Type,
            Enabled = e.Enabled,
            ChainIds = e.Chains.Select(name => ChainId(name, chainIds, [], $"event \"{e.Name}\"")).ToList(),
            AllCategories = e.AllCategories,
            Categories = e.Categories,
            Endpoints = e.Endpoints,
            Scope = e.Scope ?? BuiltInScope(e.Name) ?? ManagementScope.None,
        }).ToList();
        var merged = KeepOthers(list, existing, e => e.Name, Names);
        // Built-in events always exist: one neither declared nor stored is created with its scope and no chains.
        foreach (var (name, scope) in EventDefinition.BuiltIn)
        {
            if (!merged.Any(e => Names.Equals(e.Name, name)))
                merged.Add(new EventDefinition { Id = RandomIds.NewHexId(), Name = name, Scope = scope });
        }
        return merged;
    }

    /// <summary>Declared components replace the stored ones whole (defaults for fields left out); the rest stay as stored.</summary>
    private static PolicySet MergePolicies(PolicySet current, BootstrapDocument document, IReadOnlyList<PolicyComponent> components) =>
        components
            .Where(c => document.PolicyComponents.Contains(c.Id))
            .Aggregate(current, (set, c) => c.With(set, System.Text.Json.JsonSerializer.SerializeToElement(
                c.Get(document.Policies), c.Type, PolicyJson.Options)));

    private static ManagementScope? BuiltInScope(string name) =>
        EventDefinition.BuiltIn.Where(b => Names.Equals(b.Name, name)).Select(b => (ManagementScope?)b.Scope).FirstOrDefault();

    private static string ChainId(string name, IReadOnlyDictionary<string, string> declared, IReadOnlyList<ChainDefinition> existing, string user) =>
        declared.GetValueOrDefault(name)
        ?? existing.FirstOrDefault(c => Names.Equals(c.Name, name))?.Id
        ?? throw new BootstrapException($"The {user} refers to chain \"{name}\", which does not exist.");

    /// <summary>The declared items, then the existing ones whose key is not declared, in their stored order.</summary>
    internal static List<T> KeepOthers<T>(IReadOnlyList<T> declared, IReadOnlyList<T> existing, Func<T, string> key, StringComparer comparer)
    {
        var keys = declared.Select(key).ToHashSet(comparer);
        return [.. declared, .. existing.Where(e => !keys.Contains(key(e)))];
    }
}
