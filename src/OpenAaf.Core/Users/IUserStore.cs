namespace OpenAaf.Core.Users;

/// <summary>
/// OpenAAF's own user records: the stable <c>user_id</c> of every account seen in any repository,
/// and the accounts of the LOCAL repository.
/// </summary>
public interface IUserStore
{
    /// <summary>Returns the user id of (repository, object id), creating it on first sight. Idempotent under races.</summary>
    Task<string> GetOrCreateUserIdAsync(string repositoryId, string objectId, string loginName, CancellationToken cancellationToken);

    Task<UserRecord?> FindUserAsync(string userId, CancellationToken cancellationToken);

    Task<LocalUser?> FindLocalUserAsync(string name, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces by name (case-insensitive); the object id of an existing user is kept.</summary>
    Task<LocalUser> UpsertLocalUserAsync(LocalUser user, CancellationToken cancellationToken);
}

/// <param name="UserId">32 hex, stable across restarts</param>
/// <param name="ObjectId">the object's id in its repository, 32 hex</param>
public sealed record UserRecord(string UserId, string RepositoryId, string ObjectId, string LoginName);

/// <summary>An account of the LOCAL repository; its password is a PASSWORD:1 template.</summary>
public sealed record LocalUser
{
    public required string ObjectId { get; init; }
    public required string Name { get; init; }
    public string Email { get; init; } = "";
    public string MobilePhone { get; init; } = "";
    public IReadOnlyList<string> Groups { get; init; } = [];
}
