using OpenAaf.Core.Directories;

namespace OpenAaf.Core.Users;

/// <summary>A resolved account together with OpenAAF's ids for it: what the identity block is made of.</summary>
public sealed record AuthenticatedUser
{
    public required string UserId { get; init; }
    public required string RepositoryId { get; init; }
    public required DirectoryUser Account { get; init; }
    /// <summary>Roles held (api.md §4.6), in the order they are reported.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary><c>REPO\login</c> in the directory's spelling.</summary>
    public string UserName => $"{Account.RepositoryName}\\{Account.LoginName}";
}
