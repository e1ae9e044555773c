using OpenAaf.Core.Security;
using OpenAaf.Core.Users;

namespace OpenAaf.Storage.Tests.Contracts;

public abstract class UserStoreContract : DurableStoreContract
{
    private static readonly string Repo = RandomIds.NewHexId();

    [Fact]
    public async Task GetOrCreateUserId_NewObject_Returns32LowercaseHex()
    {
        // Act
        var id = await Stores.Users.GetOrCreateUserIdAsync(Repo, RandomIds.NewHexId(), "denis", Ct);

        // Assert
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public async Task GetOrCreateUserId_ParallelCallsForOneObject_AllReturnTheSameId()
    {
        // Arrange
        var objectId = RandomIds.NewHexId();

        // Act
        var ids = await Concurrently.RunAsync(64, _ => Stores.Users.GetOrCreateUserIdAsync(Repo, objectId, "denis", Ct));

        // Assert
        Assert.Single(ids.Distinct());
        Assert.Equal(ids[0], (await Stores.Users.FindUserAsync(ids[0], Ct))!.UserId);
    }

    [Fact]
    public async Task GetOrCreateUserId_DifferentObjectsOrRepositories_GetDifferentIds()
    {
        // Arrange
        var objectId = RandomIds.NewHexId();

        // Act
        var a = await Stores.Users.GetOrCreateUserIdAsync(Repo, objectId, "denis", Ct);
        var b = await Stores.Users.GetOrCreateUserIdAsync(Repo, RandomIds.NewHexId(), "denis", Ct);
        var c = await Stores.Users.GetOrCreateUserIdAsync(RandomIds.NewHexId(), objectId, "denis", Ct);

        // Assert
        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());
    }

    [Fact]
    public async Task GetOrCreateUserId_LoginNameChanged_KeepsIdAndRecordsNewName()
    {
        // Arrange
        var objectId = RandomIds.NewHexId();
        var id = await Stores.Users.GetOrCreateUserIdAsync(Repo, objectId, "denis", Ct);

        // Act
        var again = await Stores.Users.GetOrCreateUserIdAsync(Repo, objectId, "denis.renamed", Ct);
        var record = await Stores.Users.FindUserAsync(id, Ct);

        // Assert
        Assert.Equal(id, again);
        Assert.Equal(new UserRecord(id, Repo, objectId, "denis.renamed"), record);
    }

    [Fact]
    public async Task FindUser_UnknownId_ReturnsNull()
    {
        Assert.Null(await Stores.Users.FindUserAsync(RandomIds.NewHexId(), Ct));
    }

    [Fact]
    public async Task UpsertLocalUser_ThenFindWithOtherCase_ReturnsTheUser()
    {
        // Arrange
        var user = new LocalUser
        {
            ObjectId = RandomIds.NewHexId(),
            Name = "Ærøskøbing",
            Email = "a@example.com",
            MobilePhone = "+4512345678",
            Groups = ["FULL ADMINS", "Helpdesk \"1\""],
        };

        // Act
        var stored = await Stores.Users.UpsertLocalUserAsync(user, Ct);
        var found = await Stores.Users.FindLocalUserAsync("æRØSKØBING", Ct);

        // Assert
        Assert.Equal(user.ObjectId, stored.ObjectId);
        Assert.NotNull(found);
        Assert.Equal(user.ObjectId, found.ObjectId);
        Assert.Equal("Ærøskøbing", found.Name);
        Assert.Equal(user.Email, found.Email);
        Assert.Equal(user.MobilePhone, found.MobilePhone);
        Assert.Equal(user.Groups, found.Groups);
    }

    [Fact]
    public async Task UpsertLocalUser_ExistingNameOtherCase_KeepsObjectIdAndReplacesTheRest()
    {
        // Arrange
        var first = await Stores.Users.UpsertLocalUserAsync(new LocalUser { ObjectId = RandomIds.NewHexId(), Name = "ADMIN", Groups = ["A"] }, Ct);

        // Act
        var second = await Stores.Users.UpsertLocalUserAsync(
            new LocalUser { ObjectId = RandomIds.NewHexId(), Name = "admin", Email = "x@example.com", Groups = [] }, Ct);
        var found = await Stores.Users.FindLocalUserAsync("Admin", Ct);

        // Assert
        Assert.Equal(first.ObjectId, second.ObjectId);
        Assert.Equal(first.ObjectId, found!.ObjectId);
        Assert.Equal("admin", found.Name);
        Assert.Equal("x@example.com", found.Email);
        Assert.Empty(found.Groups);
    }

    [Fact]
    public async Task FindLocalUser_Unknown_ReturnsNull()
    {
        Assert.Null(await Stores.Users.FindLocalUserAsync("nobody", Ct));
    }
}
