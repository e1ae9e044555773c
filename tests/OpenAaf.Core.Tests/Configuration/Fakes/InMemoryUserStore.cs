using OpenAaf.Core.Security;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Configuration.Fakes;

public sealed class InMemoryUserStore : IUserStore
{
    private readonly Lock _lock = new();
    private readonly List<UserRecord> _users = [];
    private readonly List<LocalUser> _local = [];

    public IReadOnlyList<LocalUser> LocalUsers { get { lock (_lock) return _local.ToList(); } }
    public IReadOnlyList<UserRecord> Users { get { lock (_lock) return _users.ToList(); } }

    public Task<string> GetOrCreateUserIdAsync(string repositoryId, string objectId, string loginName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var found = _users.FirstOrDefault(u => u.RepositoryId == repositoryId && u.ObjectId == objectId);
            if (found is null) _users.Add(found = new UserRecord(RandomIds.NewHexId(), repositoryId, objectId, loginName));
            return Task.FromResult(found.UserId);
        }
    }

    public Task<UserRecord?> FindUserAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_users.FirstOrDefault(u => u.UserId == userId));
    }

    public Task<LocalUser?> FindLocalUserAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_local.FirstOrDefault(u => u.Name.Equals(name, StringComparison.OrdinalIgnoreCase)));
    }

    public Task<LocalUser> UpsertLocalUserAsync(LocalUser user, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _local.FindIndex(u => u.Name.Equals(user.Name, StringComparison.OrdinalIgnoreCase));
            var stored = index < 0 ? user : user with { ObjectId = _local[index].ObjectId };
            if (index < 0) _local.Add(stored);
            else _local[index] = stored;
            return Task.FromResult(stored);
        }
    }
}
