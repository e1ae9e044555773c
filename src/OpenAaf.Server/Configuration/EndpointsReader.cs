using System.Text.RegularExpressions;
using OpenAaf.Core.Configuration.Bootstrap;

namespace OpenAaf.Server.Configuration;

/// <summary>Reads <c>bootstrap.endpoints</c>; ids and secrets may be given, e.g. for the legacy predefined endpoints (api.md §3.3).</summary>
internal static partial class EndpointsReader
{
    public static List<EndpointDeclaration> Read(ConfigObject bootstrap, IReadOnlySet<string> repositoryNames)
    {
        var names = new UniqueKeys(bootstrap.Errors, "endpoint name");
        var ids = new UniqueKeys(bootstrap.Errors, "endpoint id");
        var list = new List<EndpointDeclaration>();
        foreach (var endpoint in bootstrap.Objects("endpoints"))
        {
            var id = endpoint.String("id");
            if (id is not null && !HexId().IsMatch(id)) endpoint.Errors.Add(endpoint.PathOf("id"), "must be 32 hexadecimal characters");
            ids.Check(id, endpoint.PathOf("id"));
            var name = endpoint.Name("name");
            names.Check(name, endpoint.PathOf("name"));
            // Note: Name() reports a missing or empty secret without echoing it.
            var secret = endpoint.Name("secret");
            TenantCheck.CheckReference(endpoint);
            var owner = endpoint.String("owner");
            CheckOwner(endpoint, owner, repositoryNames);
            var declaration = new EndpointDeclaration
            {
                Id = id?.ToLowerInvariant(),
                Name = name ?? "",
                Secret = secret ?? "",
                Typ = endpoint.Int("typ") ?? 3,
                Desc = endpoint.String("desc") ?? "",
                IsTrusted = endpoint.Bool("trusted", false),
                IsEnabled = endpoint.Bool("enabled", true),
                OwnerUserName = owner,
            };
            endpoint.RefuseUnknownKeys();
            if (name is not null && secret is not null) list.Add(declaration);
        }
        return list;
    }

    private static void CheckOwner(ConfigObject endpoint, string? owner, IReadOnlySet<string> repositoryNames)
    {
        if (owner is null) return;
        var parts = owner.Split('\\');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            endpoint.Errors.Add(endpoint.PathOf("owner"), "must be written REPO\\name");
        else if (!repositoryNames.Contains(parts[0]))
            endpoint.Errors.Add(endpoint.PathOf("owner"), $"unknown repository \"{parts[0]}\"");
    }

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex HexId();
}
