using System.Collections.Concurrent;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Directories;

/// <summary>
/// The <see cref="IUserDirectory"/> of each configured repository. Directories hold connection pools,
/// so one instance lives as long as its repository definition is unchanged.
/// </summary>
public sealed class DirectoryRegistry(IUserDirectoryFactory factory, IUserStore users)
{
    private readonly ConcurrentDictionary<string, IUserDirectory> _byRepositoryId = new(StringComparer.Ordinal);

    public IUserDirectory Get(RepositoryDefinition repository)
    {
        if (_byRepositoryId.TryGetValue(repository.Id, out var existing) && existing.Repository == repository)
            return existing;
        var created = repository.Kind == RepositoryKind.Local
            ? new LocalUserDirectory(repository, users)
            : factory.Create(repository);
        _byRepositoryId[repository.Id] = created;
        return created;
    }
}
