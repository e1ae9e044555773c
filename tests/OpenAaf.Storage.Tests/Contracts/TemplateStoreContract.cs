using OpenAaf.Core.Security;

namespace OpenAaf.Storage.Tests.Contracts;

public abstract class TemplateStoreContract : DurableStoreContract
{
    private readonly string _user = RandomIds.NewHexId();

    [Fact]
    public async Task TryAdd_ThenGet_RoundTripsEveryField()
    {
        // Arrange
        var template = Samples.Template(_user) with { AutoCreated = true, CategoryId = "0001", Version = 3, LogonState = """{"counter":4}""" };

        // Act
        var added = await Stores.Templates.TryAddAsync(template, Ct);
        var read = await Stores.Templates.GetAsync(template.Id, Ct);

        // Assert
        Assert.True(added);
        Assert.NotNull(read);
        Assert.Equal(template.Secret, read.Secret);
        Assert.Equal(template.Created, read.Created);
        Assert.Equal(template.Created.UtcTicks, read.Created.UtcTicks);
        Assert.Equal(template with { Secret = read.Secret }, read);
    }

    [Fact]
    public async Task TryAdd_EmptySecret_ReadsBackEmpty()
    {
        // Arrange
        var template = Samples.Template(_user) with { Secret = [] };

        // Act
        await Stores.Templates.TryAddAsync(template, Ct);
        var read = await Stores.Templates.GetAsync(template.Id, Ct);

        // Assert
        Assert.Empty(read!.Secret);
    }

    [Fact]
    public async Task TryAdd_SameUserMethodCategory_ReturnsFalse()
    {
        // Arrange
        await Stores.Templates.TryAddAsync(Samples.Template(_user, "TOTP:1", "0001"), Ct);

        // Act
        var duplicate = await Stores.Templates.TryAddAsync(Samples.Template(_user, "TOTP:1", "0001"), Ct);
        var otherCategory = await Stores.Templates.TryAddAsync(Samples.Template(_user, "TOTP:1", ""), Ct);
        var otherMethod = await Stores.Templates.TryAddAsync(Samples.Template(_user, "HOTP:1", "0001"), Ct);
        var otherUser = await Stores.Templates.TryAddAsync(Samples.Template(RandomIds.NewHexId(), "TOTP:1", "0001"), Ct);

        // Assert
        Assert.False(duplicate);
        Assert.True(otherCategory);
        Assert.True(otherMethod);
        Assert.True(otherUser);
        Assert.Equal(3, (await Stores.Templates.ListAsync(_user, Ct)).Count);
    }

    [Fact]
    public async Task TryAdd_ParallelForOneSlot_ExactlyOneSucceeds()
    {
        // Act
        var results = await Concurrently.RunAsync(16, _ => Stores.Templates.TryAddAsync(Samples.Template(_user, "FINGER:1"), Ct));

        // Assert
        Assert.Single(results, r => r);
        Assert.Single(await Stores.Templates.ListAsync(_user, Ct));
    }

    [Fact]
    public async Task List_ReturnsOnlyTheUsersTemplatesByCreation()
    {
        // Arrange
        var later = Samples.Template(_user, "TOTP:1", created: Samples.T0.AddSeconds(5));
        var earlier = Samples.Template(_user, "PASSWORD:1", created: Samples.T0);
        await Stores.Templates.TryAddAsync(later, Ct);
        await Stores.Templates.TryAddAsync(earlier, Ct);
        await Stores.Templates.TryAddAsync(Samples.Template(RandomIds.NewHexId()), Ct);

        // Act
        var list = await Stores.Templates.ListAsync(_user, Ct);

        // Assert
        Assert.Equal([earlier.Id, later.Id], list.Select(t => t.Id));
    }

    [Fact]
    public async Task TryUpdate_ExpectedVersion_ReplacesAndBumpsVersion()
    {
        // Arrange
        var template = Samples.Template(_user);
        await Stores.Templates.TryAddAsync(template, Ct);
        var changed = template with { Comment = "new phone", Secret = [9, 9], Data = "{}", Version = 42 };

        // Act
        var updated = await Stores.Templates.TryUpdateAsync(changed, 0, Ct);
        var read = await Stores.Templates.GetAsync(template.Id, Ct);

        // Assert
        Assert.True(updated);
        Assert.Equal(1, read!.Version);
        Assert.Equal("new phone", read.Comment);
        Assert.Equal([9, 9], read.Secret);
        Assert.Equal("{}", read.Data);
    }

    [Fact]
    public async Task TryUpdate_LogonStateOnly_KeepsTheSecretAndCanClearTheStateAgain()
    {
        // Arrange
        var template = Samples.Template(_user);
        await Stores.Templates.TryAddAsync(template, Ct);

        // Act
        var counted = await Stores.Templates.TryUpdateAsync(template with { LogonState = """{"last_used_step":5}""" }, 0, Ct);
        var afterCount = await Stores.Templates.GetAsync(template.Id, Ct);
        var cleared = await Stores.Templates.TryUpdateAsync(afterCount! with { LogonState = null }, 1, Ct);
        var afterClear = await Stores.Templates.GetAsync(template.Id, Ct);

        // Assert
        Assert.True(counted);
        Assert.Equal(("""{"last_used_step":5}""", 1L), (afterCount!.LogonState, afterCount.Version));
        Assert.Equal(template.Secret, afterCount.Secret);
        Assert.True(cleared);
        Assert.Equal((null, 2L), (afterClear!.LogonState, afterClear.Version));
    }

    [Fact]
    public async Task TryUpdate_StaleVersion_ChangesNothing()
    {
        // Arrange
        var template = Samples.Template(_user);
        await Stores.Templates.TryAddAsync(template, Ct);
        await Stores.Templates.TryUpdateAsync(template with { Comment = "first" }, 0, Ct);

        // Act
        var updated = await Stores.Templates.TryUpdateAsync(template with { Comment = "second" }, 0, Ct);

        // Assert
        Assert.False(updated);
        var read = await Stores.Templates.GetAsync(template.Id, Ct);
        Assert.Equal(("first", 1L), (read!.Comment, read.Version));
    }

    [Fact]
    public async Task TryUpdate_ParallelWithSameExpectedVersion_ExactlyOneWins()
    {
        // Arrange
        var template = Samples.Template(_user);
        await Stores.Templates.TryAddAsync(template, Ct);

        // Act
        var results = await Concurrently.RunAsync(32, i => Stores.Templates.TryUpdateAsync(template with { Comment = $"c{i}" }, 0, Ct));

        // Assert
        var winner = Assert.Single(Enumerable.Range(0, 32), i => results[i]);
        var read = await Stores.Templates.GetAsync(template.Id, Ct);
        Assert.Equal(($"c{winner}", 1L), (read!.Comment, read.Version));
    }

    [Fact]
    public async Task TryUpdate_UnknownOrIntoTakenCategory_ReturnsFalse()
    {
        // Arrange
        var home = Samples.Template(_user, "TOTP:1", "0001");
        var work = Samples.Template(_user, "TOTP:1", "0002");
        await Stores.Templates.TryAddAsync(home, Ct);
        await Stores.Templates.TryAddAsync(work, Ct);

        // Act
        var unknown = await Stores.Templates.TryUpdateAsync(Samples.Template(_user), 0, Ct);
        var collision = await Stores.Templates.TryUpdateAsync(work with { CategoryId = "0001" }, 0, Ct);

        // Assert
        Assert.False(unknown);
        Assert.False(collision);
        Assert.Equal("0002", (await Stores.Templates.GetAsync(work.Id, Ct))!.CategoryId);
    }

    [Fact]
    public async Task Delete_RemovesOnce()
    {
        // Arrange
        var template = Samples.Template(_user);
        await Stores.Templates.TryAddAsync(template, Ct);

        // Act
        var first = await Stores.Templates.DeleteAsync(template.Id, Ct);
        var second = await Stores.Templates.DeleteAsync(template.Id, Ct);

        // Assert
        Assert.True(first);
        Assert.False(second);
        Assert.Null(await Stores.Templates.GetAsync(template.Id, Ct));
        Assert.True(await Stores.Templates.TryAddAsync(Samples.Template(_user), Ct));
    }
}
