using OpenAaf.Core.Configuration;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Directories;

/// <summary>
/// The built-in LOCAL repository: accounts kept by OpenAAF itself. Their passwords are PASSWORD:1
/// templates, so a directory bind never happens here.
/// </summary>
public sealed class LocalUserDirectory(RepositoryDefinition repository, IUserStore users) : IUserDirectory
{
    public RepositoryDefinition Repository => repository;

    public async ValueTask<DirectoryLookup> FindByLoginAsync(string loginName, CancellationToken cancellationToken)
    {
        var user = await users.FindLocalUserAsync(loginName, cancellationToken);
        return user is null ? DirectoryLookup.NotFound : DirectoryLookup.Found(ToDirectoryUser(user));
    }

    public ValueTask<DirectoryLookup> FindByUpnAsync(string upn, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DirectoryLookup.NotFound);

    public ValueTask<DirectoryLookup> FindByObjectIdAsync(string objectId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DirectoryLookup.NotFound);

    public ValueTask<PasswordCheck> VerifyPasswordAsync(DirectoryUser user, string password, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PasswordCheck.Wrong);

    private DirectoryUser ToDirectoryUser(LocalUser user) => new()
    {
        RepositoryName = repository.Name,
        LoginName = user.Name,
        ObjectId = user.ObjectId,
        CommonName = user.Name,
        Email = user.Email.Length > 0 ? user.Email : null,
        MobilePhone = user.MobilePhone.Length > 0 ? user.MobilePhone : null,
        Groups = user.Groups,
    };
}
