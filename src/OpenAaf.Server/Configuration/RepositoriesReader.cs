using OpenAaf.Core.Configuration;

namespace OpenAaf.Server.Configuration;

/// <summary>Reads <c>bootstrap.repositories</c>: LOCAL, and LDAP / Active Directory servers.</summary>
internal static class RepositoriesReader
{
    private static readonly string[] DirectoryKeys =
    [
        "url", "startTls", "baseDn", "bindDn", "bindPassword", "userFilter", "groupAttribute", "caCertificate",
        "timeoutSeconds", "maxConcurrency", "lookupCacheSeconds", "mobileAttribute", "mailAttribute",
    ];

    public static List<RepositoryDefinition> Read(ConfigObject bootstrap, string baseDirectory)
    {
        var names = new UniqueKeys(bootstrap.Errors, "repository name");
        var list = new List<RepositoryDefinition>();
        foreach (var repo in bootstrap.Objects("repositories"))
        {
            var name = repo.Name("name");
            if (name is not null && name.Contains('\\')) repo.Errors.Add(repo.PathOf("name"), "must not contain a backslash");
            names.Check(name, repo.PathOf("name"));
            TenantCheck.CheckReference(repo);
            var isLocalName = RepositoryDefinition.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase);
            var kind = ReadKind(repo, isLocalName);
            var definition = kind switch
            {
                RepositoryKind.Local => ReadLocal(repo, isLocalName),
                null => Skip(repo),
                { } directory => ReadDirectory(repo, directory, baseDirectory),
            };
            repo.RefuseUnknownKeys();
            if (name is not null && kind is not null && definition is not null) list.Add(definition with { Name = name, Kind = kind.Value });
        }
        return list;
    }

    private static RepositoryKind? ReadKind(ConfigObject repo, bool isLocalName)
    {
        var type = repo.String("type", required: !isLocalName) ?? (isLocalName ? "local" : null);
        RepositoryKind? kind = type?.ToLowerInvariant() switch
        {
            "local" => RepositoryKind.Local,
            "ldap" => RepositoryKind.Ldap,
            "ad" => RepositoryKind.ActiveDirectory,
            null => null,
            _ => Unknown(repo, type),
        };
        if (isLocalName && kind is not null && kind != RepositoryKind.Local)
            repo.Errors.Add(repo.PathOf("type"), "the LOCAL repository is of type local");
        return kind;
    }

    private static RepositoryKind? Unknown(ConfigObject repo, string type)
    {
        repo.Errors.Add(repo.PathOf("type"), $"unknown repository type \"{type}\" (local, ldap or ad)");
        return null;
    }

    /// <summary>With an unknown type the other keys cannot be judged: mark them read, report nothing more.</summary>
    private static RepositoryDefinition? Skip(ConfigObject repo)
    {
        foreach (var key in DirectoryKeys) repo.Node(key);
        return null;
    }

    private static RepositoryDefinition? ReadLocal(ConfigObject repo, bool isLocalName)
    {
        if (!isLocalName) repo.Errors.Add(repo.PathOf("type"), "type local is only for the repository named LOCAL");
        foreach (var key in DirectoryKeys.Where(repo.Has))
            repo.Errors.Add(repo.PathOf(key), "is not allowed for a local repository");
        return new RepositoryDefinition { Id = "", Name = RepositoryDefinition.LocalName, Kind = RepositoryKind.Local };
    }

    private static RepositoryDefinition ReadDirectory(ConfigObject repo, RepositoryKind kind, string baseDirectory)
    {
        var urls = LdapUrls.Read(repo);
        var startTls = repo.Bool("startTls", false);
        if (startTls && urls.Any(u => u.StartsWith("ldaps:", StringComparison.OrdinalIgnoreCase)))
            repo.Errors.Add(repo.PathOf("startTls"), "ldaps:// is already TLS: startTls is only for ldap:// URLs");
        var userFilter = repo.String("userFilter") ?? "";
        if (userFilter.Length > 0 && !userFilter.Contains("{0}", StringComparison.Ordinal))
            repo.Errors.Add(repo.PathOf("userFilter"), "must contain {0} (the login name)");
        var caCertificate = ConfigFiles.Resolve(repo.String("caCertificate"), baseDirectory);
        if (caCertificate is not null) ConfigFiles.Check(repo, "caCertificate", caCertificate);
        return new RepositoryDefinition
        {
            Id = "",
            Name = "",
            Kind = kind,
            Urls = urls,
            StartTls = startTls,
            BaseDn = repo.Name("baseDn") ?? "",
            BindDn = repo.Name("bindDn") ?? "",
            BindPassword = repo.Name("bindPassword") ?? "",
            UserFilter = userFilter,
            GroupAttribute = repo.String("groupAttribute") ?? "memberOf",
            CaCertificate = caCertificate,
            TimeoutSeconds = Positive(repo, "timeoutSeconds") ?? 10,
            MaxConcurrency = Positive(repo, "maxConcurrency") ?? 16,
            LookupCacheSeconds = NotNegative(repo, "lookupCacheSeconds") ?? 5,
            MobileAttribute = repo.String("mobileAttribute") ?? "mobile",
            MailAttribute = repo.String("mailAttribute") ?? "mail",
        };
    }

    private static int? NotNegative(ConfigObject repo, string key)
    {
        var value = repo.Int(key);
        if (value is < 0) repo.Errors.Add(repo.PathOf(key), "must be 0 or greater");
        return value;
    }

    private static int? Positive(ConfigObject repo, string key)
    {
        var value = repo.Int(key);
        if (value is <= 0) repo.Errors.Add(repo.PathOf(key), "must be greater than 0");
        return value;
    }
}
