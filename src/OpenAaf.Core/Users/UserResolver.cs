using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;

namespace OpenAaf.Core.Users;

/// <summary>
/// Turns the <c>user_name</c> of a request into an account (api.md §4.2): <c>REPO\name</c>,
/// <c>name@suffix</c> (UPN in the default repositories, else a bare name), or a bare name looked up in
/// each default repository in order. Directory outages throw; not found and ambiguous are values.
/// </summary>
public sealed class UserResolver(DirectoryRegistry directories, IUserStore users, IConfigurationSource configuration)
{
    public async ValueTask<UserResolution> ResolveAsync(string userName, CancellationToken cancellationToken)
    {
        var config = configuration.Current;
        var name = userName.Trim();
        if (name.Length == 0) return UserResolution.Failed(Outcomes.UserNotFound);

        var slash = name.IndexOf('\\');
        if (slash > 0)
        {
            var repository = config.FindRepository(name[..slash]);
            if (repository is null) return UserResolution.Failed(Outcomes.UserNotFound);
            var lookup = await directories.Get(repository).FindByLoginAsync(name[(slash + 1)..], cancellationToken);
            return await CompleteAsync(repository, lookup, config, cancellationToken);
        }

        if (name.Contains('@'))
        {
            foreach (var repository in config.DefaultRepositories.Where(r => r.IsDirectory))
            {
                var lookup = await directories.Get(repository).FindByUpnAsync(name, cancellationToken);
                if (lookup.Status != LookupStatus.NotFound)
                    return await CompleteAsync(repository, lookup, config, cancellationToken);
            }
        }

        foreach (var repository in config.DefaultRepositories)
        {
            var lookup = await directories.Get(repository).FindByLoginAsync(name, cancellationToken);
            if (lookup.Status != LookupStatus.NotFound)
                return await CompleteAsync(repository, lookup, config, cancellationToken);
        }
        return UserResolution.Failed(Outcomes.UserNotFound);
    }

    /// <summary>The account behind a <c>user_id</c>, re-read from its repository; null when unknown or gone.</summary>
    public async ValueTask<AuthenticatedUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindUserAsync(userId, cancellationToken) is not { } record) return null;
        var config = configuration.Current;
        if (config.FindRepositoryById(record.RepositoryId) is not { } repository) return null;
        var directory = directories.Get(repository);
        var lookup = repository.Kind == RepositoryKind.Local
            ? await directory.FindByLoginAsync(record.LoginName, cancellationToken)
            : await directory.FindByObjectIdAsync(record.ObjectId, cancellationToken);
        if (lookup.User is not { } account || account.ObjectId != record.ObjectId) return null;
        return new AuthenticatedUser
        {
            UserId = record.UserId, RepositoryId = repository.Id, Account = account, Roles = Roles.Of(account, config.Policies.Helpdesk),
        };
    }

    private async ValueTask<UserResolution> CompleteAsync(
        RepositoryDefinition repository, DirectoryLookup lookup, ConfigurationSnapshot config, CancellationToken cancellationToken)
    {
        if (lookup.Status == LookupStatus.Ambiguous) return UserResolution.Failed(Outcomes.UserAmbiguous);
        if (lookup.User is not { } account) return UserResolution.Failed(Outcomes.UserNotFound);
        var userId = await users.GetOrCreateUserIdAsync(repository.Id, account.ObjectId, account.LoginName, cancellationToken);
        return UserResolution.Resolved(new AuthenticatedUser
        {
            UserId = userId,
            RepositoryId = repository.Id,
            Account = account,
            Roles = Roles.Of(account, config.Policies.Helpdesk),
        });
    }
}

public readonly record struct UserResolution(AuthenticatedUser? User, Outcome? Error)
{
    public static UserResolution Resolved(AuthenticatedUser user) => new(user, null);
    public static UserResolution Failed(Outcome error) => new(null, error);
}
