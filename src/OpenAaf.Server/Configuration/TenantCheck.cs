using OpenAaf.Core.Configuration;

namespace OpenAaf.Server.Configuration;

/// <summary>v1 has one tenant, TOP (api.md §4.1): any other tenant is refused rather than ignored.</summary>
internal static class TenantCheck
{
    /// <summary>Checks an optional <c>tenant</c> key naming the tenant of an object.</summary>
    public static void CheckReference(ConfigObject owner)
    {
        var tenant = owner.String("tenant");
        if (tenant is not null && !tenant.Equals(Tenant.DefaultName, StringComparison.OrdinalIgnoreCase))
            owner.Errors.Add(owner.PathOf("tenant"), $"unknown tenant \"{tenant}\" (only {Tenant.DefaultName} exists)");
    }

    /// <summary>Checks <c>bootstrap.tenants</c>: it may only restate the TOP tenant.</summary>
    public static void CheckDeclarations(ConfigObject bootstrap)
    {
        foreach (var tenant in bootstrap.Objects("tenants"))
        {
            var name = tenant.Name("name");
            var id = tenant.String("id");
            tenant.RefuseUnknownKeys();
            if (name is not null && !name.Equals(Tenant.DefaultName, StringComparison.OrdinalIgnoreCase))
                tenant.Errors.Add(tenant.PathOf("name"), $"only the tenant {Tenant.DefaultName} is supported (multitenancy is reserved)");
            if (id is not null && !id.Equals(Tenant.DefaultId, StringComparison.OrdinalIgnoreCase))
                tenant.Errors.Add(tenant.PathOf("id"), $"the id of {Tenant.DefaultName} is {Tenant.DefaultId}");
        }
    }
}
