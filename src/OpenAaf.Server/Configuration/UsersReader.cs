using OpenAaf.Core.Configuration;

namespace OpenAaf.Server.Configuration;

/// <summary>Reads <c>bootstrap.users</c>: accounts of the LOCAL repository (directory users live in their directory).</summary>
internal static class UsersReader
{
    public static List<LocalUserDefinition> Read(ConfigObject bootstrap)
    {
        var names = new UniqueKeys(bootstrap.Errors, "user name");
        var list = new List<LocalUserDefinition>();
        foreach (var user in bootstrap.Objects("users"))
        {
            var repository = user.String("repository") ?? RepositoryDefinition.LocalName;
            if (!repository.Equals(RepositoryDefinition.LocalName, StringComparison.OrdinalIgnoreCase))
                user.Errors.Add(user.PathOf("repository"), $"users can only be declared in the LOCAL repository, not \"{repository}\"");
            var name = user.Name("name");
            if (name is not null && name.Contains('\\')) user.Errors.Add(user.PathOf("name"), "must not contain a backslash (the repository is separate)");
            names.Check(name, user.PathOf("name"));
            var password = user.String("password");
            if (password is { Length: 0 }) user.Errors.Add(user.PathOf("password"), "must not be empty (leave it out for a user without a password)");
            var groups = user.Strings("groups") ?? [];
            for (var i = 0; i < groups.Count; i++)
            {
                if (groups[i].Trim().Length == 0) user.Errors.Add(ConfigPath.Index(user.PathOf("groups"), i), "must not be empty");
            }
            var definition = new LocalUserDefinition
            {
                Name = name ?? "",
                Password = password,
                Email = user.String("email") ?? "",
                MobilePhone = user.String("mobilePhone") ?? "",
                Groups = groups,
            };
            user.RefuseUnknownKeys();
            if (name is not null) list.Add(definition);
        }
        return list;
    }
}
