using OpenAaf.Core.Configuration;
using OpenAaf.Core.Configuration.Bootstrap;

namespace OpenAaf.Server.Configuration;

/// <summary>Reads <c>bootstrap.events</c> (api.md §4.3): chains and categories must be declared in the file.</summary>
internal static class EventsReader
{
    public static List<EventDeclaration> Read(ConfigObject bootstrap, IReadOnlySet<string> chainNames, IReadOnlySet<string> categoryIds)
    {
        var names = new UniqueKeys(bootstrap.Errors, "event name");
        var list = new List<EventDeclaration>();
        foreach (var ev in bootstrap.Objects("events"))
        {
            var name = ev.Name("name");
            names.Check(name, ev.PathOf("name"));
            TenantCheck.CheckReference(ev);
            var declaration = new EventDeclaration
            {
                Name = name ?? "",
                Type = ev.String("type") ?? "Generic",
                Enabled = ev.Bool("enabled", true),
                Chains = References(ev, "chains", "chain", chainNames),
                AllCategories = ev.Bool("allCategories", true),
                Categories = References(ev, "categories", "category", categoryIds, allowed: ""),
                Endpoints = ev.Strings("endpoints") ?? [],
                Scope = ReadScope(ev),
            };
            ev.RefuseUnknownKeys();
            if (name is not null) list.Add(declaration);
        }
        return list;
    }

    private static List<string> References(ConfigObject ev, string key, string what, IReadOnlySet<string> known, string? allowed = null)
    {
        var values = ev.Strings(key) ?? [];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < values.Count; i++)
        {
            var path = ConfigPath.Index(ev.PathOf(key), i);
            if (!known.Contains(values[i]) && values[i] != allowed) ev.Errors.Add(path, $"unknown {what} \"{values[i]}\"");
            if (!seen.Add(values[i])) ev.Errors.Add(path, $"duplicate {what} \"{values[i]}\"");
        }
        return values.ToList();
    }

    private static ManagementScope? ReadScope(ConfigObject ev) => ev.String("scope")?.ToLowerInvariant() switch
    {
        null => null,
        "self" => ManagementScope.Self,
        "helpdesk" => ManagementScope.Helpdesk,
        "none" => ManagementScope.None,
        var other => Invalid(ev, other),
    };

    private static ManagementScope? Invalid(ConfigObject ev, string scope)
    {
        ev.Errors.Add(ev.PathOf("scope"), $"unknown scope \"{scope}\" (self, helpdesk or none)");
        return null;
    }
}
