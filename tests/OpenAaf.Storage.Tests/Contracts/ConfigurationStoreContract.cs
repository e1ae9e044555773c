using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;

namespace OpenAaf.Storage.Tests.Contracts;

public abstract class ConfigurationStoreContract : DurableStoreContract
{
    private static StoredConfigObject Chain(string name, string? id = null, string json = "{}") =>
        new("chain", id ?? RandomIds.NewHexId(), name, json);

    [Fact]
    public async Task Upsert_New_IsLoaded()
    {
        // Arrange
        var chain = Chain("LDAP + Fingerprint", json: """{"methods":["LDAP_PASSWORD:1","FINGER:1"]}""");

        // Act
        await Stores.Config.UpsertAsync(chain, Ct);

        // Assert
        Assert.Equal([chain], await Stores.Config.LoadAllAsync(Ct));
    }

    [Fact]
    public async Task Upsert_SameKindAndId_ReplacesNameAndJson()
    {
        // Arrange
        var chain = Chain("Password");
        await Stores.Config.UpsertAsync(chain, Ct);

        // Act
        await Stores.Config.UpsertAsync(chain with { Name = "PASSWORD", Json = """{"enabled":false}""" }, Ct);

        // Assert
        Assert.Equal([chain with { Name = "PASSWORD", Json = """{"enabled":false}""" }], await Stores.Config.LoadAllAsync(Ct));
    }

    [Fact]
    public async Task Upsert_NameOfAnotherObjectOfTheKindInOtherCase_Throws()
    {
        // Arrange
        await Stores.Config.UpsertAsync(Chain("Password"), Ct);

        // Act
        var error = await Record.ExceptionAsync(() => Stores.Config.UpsertAsync(Chain("pASSWORD"), Ct));

        // Assert
        Assert.IsType<InvalidOperationException>(error);
        Assert.Single(await Stores.Config.LoadAllAsync(Ct));
    }

    [Fact]
    public async Task Upsert_SameNameInOtherKind_IsAllowed()
    {
        // Act
        await Stores.Config.UpsertAsync(Chain("Home"), Ct);
        await Stores.Config.UpsertAsync(new StoredConfigObject("category", "0001", "Home", "{}"), Ct);

        // Assert
        Assert.Equal(2, (await Stores.Config.LoadAllAsync(Ct)).Count);
    }

    [Fact]
    public async Task Delete_RemovesOnceAndFreesTheName()
    {
        // Arrange
        var chain = Chain("Password");
        await Stores.Config.UpsertAsync(chain, Ct);

        // Act
        var first = await Stores.Config.DeleteAsync("chain", chain.Id, Ct);
        var second = await Stores.Config.DeleteAsync("chain", chain.Id, Ct);
        await Stores.Config.UpsertAsync(Chain("password"), Ct);

        // Assert
        Assert.True(first);
        Assert.False(second);
        Assert.Equal("password", Assert.Single(await Stores.Config.LoadAllAsync(Ct)).Name);
    }

    [Fact]
    public async Task Delete_OtherKind_DoesNotRemove()
    {
        // Arrange
        var chain = Chain("Password");
        await Stores.Config.UpsertAsync(chain, Ct);

        // Act
        var deleted = await Stores.Config.DeleteAsync("event", chain.Id, Ct);

        // Assert
        Assert.False(deleted);
        Assert.Single(await Stores.Config.LoadAllAsync(Ct));
    }
}
