using System.Collections.Concurrent;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Directories;

/// <summary>
/// The <see cref="IUserDirectory"/> of each configured repository. Directories hold connection pools
/// and threads, so one instance lives as long as its repository definition is unchanged; when the
/// definition changes, the directory it replaces is disposed (a directory finishes the calls it has
/// already accepted and keeps nothing afterwards, so a request that took it just before still gets
/// its answer).
/// </summary>
public sealed class DirectoryRegistry(IUserDirectoryFactory factory, IUserStore users) : IDisposable
{
    private readonly ConcurrentDictionary<string, IUserDirectory> _byRepositoryId = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IUserDirectory Get(RepositoryDefinition repository)
    {
        if (_byRepositoryId.TryGetValue(repository.Id, out var known) && known.Repository == repository) return known;
        IUserDirectory? superseded = null;
        IUserDirectory current;
        lock (_gate)
        {
            if (_byRepositoryId.TryGetValue(repository.Id, out var existing) && existing.Repository == repository)
                return existing;
            // The factory may answer with the existing instance (an equal definition that is a new object).
            current = repository.Kind == RepositoryKind.Local
                ? new LocalUserDirectory(repository, users)
                : factory.Create(repository);
            _byRepositoryId[repository.Id] = current;
            if (existing is not null && !ReferenceEquals(existing, current)) superseded = existing;
        }
        (superseded as IDisposable)?.Dispose();
        return current;
    }

    /// <summary>The directory in use for <paramref name="repositoryId"/>, without creating one (null when none was needed yet).</summary>
    public IUserDirectory? Peek(string repositoryId) => _byRepositoryId.GetValueOrDefault(repositoryId);

    public void Dispose()
    {
        IUserDirectory[] all;
        lock (_gate)
        {
            all = [.. _byRepositoryId.Values];
            _byRepositoryId.Clear();
        }
        foreach (var directory in all) (directory as IDisposable)?.Dispose();
    }
}
