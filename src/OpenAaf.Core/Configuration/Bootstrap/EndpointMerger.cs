using OpenAaf.Core.Security;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// Endpoints are matched by their declared id first (an id in the file is authoritative, so a renamed
/// legacy endpoint keeps its id), then by name. A same-named endpoint with another id is replaced.
/// </summary>
internal static class EndpointMerger
{
    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

    public static (List<EndpointDefinition> Endpoints, List<string> Deleted) Merge(
        IReadOnlyList<EndpointDefinition> existing, IReadOnlyList<EndpointDeclaration> declared)
    {
        var deleted = new List<string>();
        var list = new List<EndpointDefinition>();
        foreach (var d in declared)
        {
            var byName = existing.FirstOrDefault(e => StringComparer.OrdinalIgnoreCase.Equals(e.Name, d.Name));
            var id = d.Id?.ToLowerInvariant() ?? byName?.Id ?? RandomIds.NewHexId();
            if (byName is not null && !Ids.Equals(byName.Id, id)) deleted.Add(byName.Id);
            list.Add(new EndpointDefinition
            {
                Id = id,
                Name = d.Name,
                Secret = d.Secret,
                Typ = d.Typ,
                Desc = d.Desc,
                IsTrusted = d.IsTrusted,
                IsEnabled = d.IsEnabled,
                OwnerUserName = d.OwnerUserName,
            });
        }
        var taken = list.Select(e => e.Id).Concat(deleted).ToHashSet(Ids);
        var names = list.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Note: an undeclared endpoint is kept unless its name is now declared under another id
        // (it was deleted above): names stay unique per tenant.
        list.AddRange(existing.Where(e => !taken.Contains(e.Id) && !names.Contains(e.Name)));
        return (list, deleted);
    }
}
