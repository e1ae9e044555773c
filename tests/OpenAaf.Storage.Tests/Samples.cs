using OpenAaf.Core.Directories;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Storage.Tests;

internal static class Samples
{
    /// <summary>A time with microsecond digits, as the wire carries them.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.Zero).AddTicks(5358970);

    public static Template Template(string userId, string methodId = "TOTP:1", string categoryId = "", DateTimeOffset? created = null) => new()
    {
        Id = RandomIds.NewHexId(),
        UserId = userId,
        MethodId = methodId,
        CategoryId = categoryId,
        Comment = "phone",
        Data = """{"issuer":"OpenAAF"}""",
        Secret = [1, 2, 3, 0, 255],
        AutoCreated = false,
        Created = created ?? T0,
        Version = 0,
    };

    public static LogonProcess Process(string? id = null, string endpointSessionId = "es1", string endpointId = "ep1", DateTimeOffset? at = null) => new()
    {
        Id = id ?? RandomIds.NewToken(),
        EndpointSessionId = endpointSessionId,
        EndpointId = endpointId,
        User = new AuthenticatedUser
        {
            UserId = RandomIds.NewHexId(),
            RepositoryId = RandomIds.NewHexId(),
            Account = new DirectoryUser { RepositoryName = "LOCAL", LoginName = "ADMIN", ObjectId = RandomIds.NewHexId() },
        },
        EventName = "Authenticators Management",
        OfferedChains = [new OfferedChain(RandomIds.NewHexId(), 0)],
        CurrentMethod = "PASSWORD:1",
        Created = at ?? T0,
        LastUsed = at ?? T0,
    };

    public static EndpointSession EndpointSession(string endpointId = "ep1", DateTimeOffset? created = null, DateTimeOffset? lastUsed = null) => new()
    {
        Id = RandomIds.NewToken(),
        EndpointId = endpointId,
        Created = created ?? T0,
        LastUsed = lastUsed ?? created ?? T0,
    };

    public static LoginSession LoginSession(string endpointId = "ep1", DateTimeOffset? created = null, DateTimeOffset? lastUsed = null) => new()
    {
        Id = RandomIds.NewToken(),
        UserId = RandomIds.NewHexId(),
        UserName = "LOCAL\\ADMIN",
        RepositoryId = RandomIds.NewHexId(),
        RepositoryObjectId = RandomIds.NewHexId(),
        EventName = "Authenticators Management",
        ChainId = RandomIds.NewHexId(),
        EndpointId = endpointId,
        UserGroups = ["LOCAL\\FULL ADMINS"],
        Created = created ?? T0,
        LastUsed = lastUsed ?? created ?? T0,
    };
}
