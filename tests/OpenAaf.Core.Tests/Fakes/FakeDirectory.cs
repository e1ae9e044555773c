using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;

namespace OpenAaf.Core.Tests.Fakes;

/// <summary>An LDAP repository in memory: accounts with passwords and a scripted bind result.</summary>
public sealed class FakeDirectory(RepositoryDefinition repository) : IUserDirectory, IUserDirectoryFactory
{
    private readonly Dictionary<string, (DirectoryUser User, string Password, PasswordCheck OnRightPassword)> _accounts =
        new(StringComparer.OrdinalIgnoreCase);

    public int Binds { get; private set; }
    public bool Down { get; set; }
    public RepositoryDefinition Repository => repository;

    public FakeDirectory Add(string login, string password, IReadOnlyList<string>? groups = null, PasswordCheck onRightPassword = PasswordCheck.Ok)
    {
        var user = new DirectoryUser
        {
            RepositoryName = repository.Name,
            LoginName = login,
            ObjectId = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(login))),
            DistinguishedName = $"uid={login},dc=example,dc=test",
            UserPrincipalName = $"{login}@example.test",
            CommonName = login,
            GivenName = login,
            Email = $"{login}@example.test",
            Groups = groups ?? [],
        };
        _accounts[login] = (user, password, onRightPassword);
        return this;
    }

    public IUserDirectory Create(RepositoryDefinition definition) => this;

    public ValueTask<DirectoryLookup> FindByLoginAsync(string loginName, CancellationToken cancellationToken)
    {
        if (Down) throw new DirectoryUnavailableException("down");
        return ValueTask.FromResult(_accounts.TryGetValue(loginName, out var a) ? DirectoryLookup.Found(a.User) : DirectoryLookup.NotFound);
    }

    public ValueTask<DirectoryLookup> FindByUpnAsync(string upn, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_accounts.Values.FirstOrDefault(a => string.Equals(a.User.UserPrincipalName, upn, StringComparison.OrdinalIgnoreCase)) is { User: not null } hit
            ? DirectoryLookup.Found(hit.User)
            : DirectoryLookup.NotFound);

    public ValueTask<DirectoryLookup> FindByObjectIdAsync(string objectId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DirectoryLookup.NotFound);

    public ValueTask<PasswordCheck> VerifyPasswordAsync(DirectoryUser user, string password, CancellationToken cancellationToken)
    {
        if (Down) throw new DirectoryUnavailableException("down");
        Binds++;
        var account = _accounts[user.LoginName];
        return ValueTask.FromResult(account.Password == password ? account.OnRightPassword : PasswordCheck.Wrong);
    }
}
