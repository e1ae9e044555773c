using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using OpenAaf.Core.Security;
using OpenAaf.Core.Users;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// User ids and LOCAL accounts. The (repository, object) → user id mapping never changes once made, so it is
/// cached: the logon hot path resolves a known user without touching the database.
/// </summary>
internal sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    private const int MaxCachedIds = 100_000;
    private readonly ConcurrentDictionary<(string RepositoryId, string ObjectId), UserRecord> _ids = new();

    public async Task<string> GetOrCreateUserIdAsync(string repositoryId, string objectId, string loginName, CancellationToken cancellationToken)
    {
        var key = (repositoryId, objectId);
        if (_ids.TryGetValue(key, out var cached) && cached.LoginName == loginName)
        {
            return cached.UserId;
        }
        var record = cached ?? await database.ReadAsync(key, static (link, key) => FindByObject(link, key.repositoryId, key.objectId), cancellationToken).ConfigureAwait(false);
        if (record is null || record.LoginName != loginName)
        {
            // Note: the unique (repository_id, object_id) index decides races; RETURNING yields the winner's id.
            record = await database.WriteAsync(new UserRecord(RandomIds.NewHexId(), repositoryId, objectId, loginName), static (link, candidate) =>
            {
                var userId = (string)link.Command(
                        "INSERT INTO user_ref (user_id, repository_id, object_id, login_name) VALUES ($id, $repo, $obj, $login) " +
                        "ON CONFLICT (repository_id, object_id) DO UPDATE SET login_name = excluded.login_name RETURNING user_id")
                    .With("$id", candidate.UserId).With("$repo", candidate.RepositoryId)
                    .With("$obj", candidate.ObjectId).With("$login", candidate.LoginName)
                    .ExecuteScalar()!;
                return candidate with { UserId = userId };
            }, cancellationToken).ConfigureAwait(false);
        }
        if (_ids.Count >= MaxCachedIds)
        {
            _ids.Clear();
        }
        _ids[key] = record;
        return record.UserId;
    }

    public Task<UserRecord?> FindUserAsync(string userId, CancellationToken cancellationToken) =>
        database.ReadAsync(userId, static (link, userId) =>
        {
            using var reader = link.Command("SELECT user_id, repository_id, object_id, login_name FROM user_ref WHERE user_id = $id")
                .With("$id", userId).ExecuteReader();
            return reader.Read() ? ReadUser(reader) : null;
        }, cancellationToken).AsTask();

    public Task<LocalUser?> FindLocalUserAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(name, static (link, name) =>
        {
            using var reader = link.Command(
                    "SELECT object_id, name, email, mobile_phone, groups FROM local_user WHERE name_key = $key")
                .With("$key", NameKey.Of(name)).ExecuteReader();
            return reader.Read()
                ? new LocalUser
                {
                    ObjectId = reader.GetString(0),
                    Name = reader.GetString(1),
                    Email = reader.GetString(2),
                    MobilePhone = reader.GetString(3),
                    Groups = GroupsJson.Read(reader.GetString(4)),
                }
                : null;
        }, cancellationToken).AsTask();

    public Task<LocalUser> UpsertLocalUserAsync(LocalUser user, CancellationToken cancellationToken) =>
        database.WriteAsync(user, static (link, user) =>
        {
            var objectId = (string)link.Command(
                    "INSERT INTO local_user (object_id, name, name_key, email, mobile_phone, groups) " +
                    "VALUES ($obj, $name, $key, $email, $phone, $groups) " +
                    "ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, email = excluded.email, " +
                    "mobile_phone = excluded.mobile_phone, groups = excluded.groups RETURNING object_id")
                .With("$obj", user.ObjectId).With("$name", user.Name).With("$key", NameKey.Of(user.Name))
                .With("$email", user.Email).With("$phone", user.MobilePhone).With("$groups", GroupsJson.Write(user.Groups))
                .ExecuteScalar()!;
            return user with { ObjectId = objectId };
        }, cancellationToken).AsTask();

    private static UserRecord? FindByObject(SqliteLink link, string repositoryId, string objectId)
    {
        using var reader = link.Command(
                "SELECT user_id, repository_id, object_id, login_name FROM user_ref WHERE repository_id = $repo AND object_id = $obj")
            .With("$repo", repositoryId).With("$obj", objectId).ExecuteReader();
        return reader.Read() ? ReadUser(reader) : null;
    }

    private static UserRecord ReadUser(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
}
