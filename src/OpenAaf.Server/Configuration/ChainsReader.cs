using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Methods;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// Reads <c>bootstrap.chains</c> (api.md §4.4): every method must be in the catalogue; required chains are
/// checked once all chains are known.
/// </summary>
internal static class ChainsReader
{
    public static List<ChainDeclaration> Read(ConfigObject bootstrap, IReadOnlySet<string> repositoryNames, MethodCatalog catalog)
    {
        var names = new UniqueKeys(bootstrap.Errors, "chain name");
        var chains = new List<(ChainDeclaration Chain, ConfigObject Source)>();
        foreach (var chain in bootstrap.Objects("chains"))
        {
            var name = chain.Name("name");
            names.Check(name, chain.PathOf("name"));
            var requiredChain = chain.String("requiredChain");
            var grace = chain.Int("gracePeriodHours");
            if (grace is < 0) chain.Errors.Add(chain.PathOf("gracePeriodHours"), "must not be negative");
            if (grace is not null && requiredChain is null)
                chain.Errors.Add(chain.PathOf("gracePeriodHours"), "is only for a linked chain (with requiredChain)");
            var declaration = new ChainDeclaration
            {
                Name = name ?? "",
                ShortName = chain.String("shortName") ?? "",
                Methods = ReadMethods(chain, catalog),
                Enabled = chain.Bool("enabled", true),
                Groups = ReadGroups(chain, repositoryNames),
                ApplyForEndpointOwner = chain.Bool("applyForEndpointOwner", false),
                RequiredChain = requiredChain,
                GracePeriodHours = grace,
                ImageName = chain.String("imageName") ?? "default",
            };
            CheckReservedValues(chain);
            chain.RefuseUnknownKeys();
            if (name is not null) chains.Add((declaration, chain));
        }
        foreach (var (chain, source) in chains.Where(c => c.Chain.RequiredChain is not null))
        {
            var required = chain.RequiredChain!;
            if (!names.Seen.Contains(required))
                source.Errors.Add(source.PathOf("requiredChain"), $"unknown chain \"{required}\"");
            else if (required.Equals(chain.Name, StringComparison.OrdinalIgnoreCase))
                source.Errors.Add(source.PathOf("requiredChain"), "a chain cannot require itself");
        }
        return chains.Select(c => c.Chain).ToList();
    }

    private static List<string> ReadMethods(ConfigObject chain, MethodCatalog catalog)
    {
        var path = chain.PathOf("methods");
        if (!chain.Has("methods"))
        {
            chain.Errors.Add(path, "is required");
            return [];
        }
        var read = chain.Strings("methods");
        var methods = read ?? [];
        if (read is { Count: 0 }) chain.Errors.Add(path, "must list at least one method");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < methods.Count; i++)
        {
            var id = methods[i];
            var itemPath = ConfigPath.Index(path, i);
            if (VendorMethodIds.All.Contains(id)) chain.Errors.Add(itemPath, $"method \"{id}\" is not supported by OpenAAF");
            else if (catalog.Find(id) is null) chain.Errors.Add(itemPath, $"unknown method id \"{id}\"");
            if (!seen.Add(id)) chain.Errors.Add(itemPath, $"duplicate method \"{id}\"");
        }
        return methods.ToList();
    }

    /// <summary>Groups are <c>REPO\Group</c> or a bare <c>Group</c> (api.md §4.4); a named repository must exist.</summary>
    private static IReadOnlyList<string> ReadGroups(ConfigObject chain, IReadOnlySet<string> repositoryNames)
    {
        var groups = chain.Strings("groups") ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            var parts = groups[i].Split('\\');
            var path = ConfigPath.Index(chain.PathOf("groups"), i);
            if (parts.Any(p => p.Trim().Length == 0) || parts.Length > 2) chain.Errors.Add(path, "must be \"REPO\\Group\" or \"Group\"");
            else if (parts.Length == 2 && !repositoryNames.Contains(parts[0])) chain.Errors.Add(path, $"unknown repository \"{parts[0]}\"");
        }
        return groups;
    }

    /// <summary>riskLevel and mfaTags exist for vendor compatibility; v1 accepts only their fixed values (api.md §4.4).</summary>
    private static void CheckReservedValues(ConfigObject chain)
    {
        var risk = chain.String("riskLevel");
        if (risk is not null && risk != "NONE") chain.Errors.Add(chain.PathOf("riskLevel"), "only \"NONE\" is supported");
        if (chain.Strings("mfaTags") is { Count: > 0 }) chain.Errors.Add(chain.PathOf("mfaTags"), "only [] is supported");
    }
}
