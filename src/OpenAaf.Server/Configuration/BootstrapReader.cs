using OpenAaf.Core.Configuration;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Methods;

namespace OpenAaf.Server.Configuration;

/// <summary>Reads and cross-checks the <c>bootstrap</c> section into a <see cref="BootstrapDocument"/>.</summary>
internal static class BootstrapReader
{
    public static BootstrapDocument Read(ConfigObject root, string baseDirectory, MethodCatalog methods)
    {
        if (root.Object("bootstrap") is not { } bootstrap) return BootstrapDocument.Empty;
        TenantCheck.CheckDeclarations(bootstrap);
        var repositories = RepositoriesReader.Read(bootstrap, baseDirectory);
        // LOCAL always exists, declared or not, so it can always be referred to.
        var repositoryNames = repositories.Select(r => r.Name).Append(RepositoryDefinition.LocalName)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var users = UsersReader.Read(bootstrap);
        var chains = ChainsReader.Read(bootstrap, repositoryNames, methods);
        var categories = CategoriesReader.Read(bootstrap);
        var endpoints = EndpointsReader.Read(bootstrap, repositoryNames);
        var events = EventsReader.Read(bootstrap,
            chains.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            categories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
        var (policies, declared) = PoliciesReader.Read(bootstrap, methods);
        PolicyRules.Check(policies, declared, repositoryNames, methods, bootstrap.PathOf("policies"), bootstrap.Errors);
        bootstrap.RefuseUnknownKeys();
        return new BootstrapDocument
        {
            Repositories = repositories,
            Users = users,
            Chains = chains,
            Categories = categories,
            Events = events,
            Endpoints = endpoints,
            Policies = policies,
            PolicyComponents = declared,
        };
    }
}
