using OpenAaf.Core.Auditing;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;
using OpenAaf.Core.Users;

namespace OpenAaf.Storage.Tests.Contracts;

/// <summary>operations.md "Data that must outlive a crash": what a call stored is there after reopening.</summary>
public abstract class DurabilityContract : DurableStoreContract
{
    [Fact]
    public async Task Reopen_EverythingWrittenSurvives()
    {
        // Arrange
        var repo = RandomIds.NewHexId();
        var objectId = RandomIds.NewHexId();
        var userId = await Stores.Users.GetOrCreateUserIdAsync(repo, objectId, "ADMIN", Ct);
        var local = await Stores.Users.UpsertLocalUserAsync(new LocalUser { ObjectId = objectId, Name = "ADMIN", Groups = ["FULL ADMINS"] }, Ct);
        var template = Samples.Template(userId, "PASSWORD:1");
        await Stores.Templates.TryAddAsync(template, Ct);
        await Stores.Templates.TryUpdateAsync(template with { Comment = "changed" }, 0, Ct);
        var lockout = await Stores.Lockout.RecordFailureAsync(userId, Samples.T0, 3, null, Ct);
        var config = new StoredConfigObject("repository", repo, "LOCAL", """{"type":"local"}""");
        await Stores.Config.UpsertAsync(config, Ct);
        var audit = new AuditRecord { Time = Samples.T0, Action = "logon.start", UserId = userId, Result = "MORE_DATA" };
        await Stores.Audit.WriteAsync(audit, Ct);
        await Stores.Database.SetMetaAsync("master_key_check", "abc", Ct);

        // Act
        await Stores.ReopenAsync(Ct);

        // Assert
        Assert.Equal(userId, await Stores.Users.GetOrCreateUserIdAsync(repo, objectId, "ADMIN", Ct));
        Assert.Equal(new UserRecord(userId, repo, objectId, "ADMIN"), await Stores.Users.FindUserAsync(userId, Ct));
        var reloaded = await Stores.Users.FindLocalUserAsync("admin", Ct);
        Assert.Equal((local.ObjectId, local.Name), (reloaded!.ObjectId, reloaded.Name));
        Assert.Equal(local.Groups, reloaded.Groups);
        var storedTemplate = await Stores.Templates.GetAsync(template.Id, Ct);
        Assert.Equal(("changed", 1L), (storedTemplate!.Comment, storedTemplate.Version));
        Assert.Equal(template.Secret, storedTemplate.Secret);
        Assert.Equal(lockout, await Stores.Lockout.GetAsync(userId, Samples.T0.AddSeconds(1), Ct));
        Assert.Equal([config], await Stores.Config.LoadAllAsync(Ct));
        Assert.Equal([audit], await Stores.ReadAuditAsync(Ct));
        Assert.Equal("abc", await Stores.Database.GetMetaAsync("master_key_check", Ct));
    }

    [Fact]
    public async Task Reopen_LockStaysAndCounterContinues()
    {
        // Arrange
        var user = RandomIds.NewHexId();
        await Stores.Lockout.RecordFailureAsync(user, Samples.T0, 3, null, Ct);
        await Stores.Lockout.RecordFailureAsync(user, Samples.T0, 3, null, Ct);

        // Act
        await Stores.ReopenAsync(Ct);
        var third = await Stores.Lockout.RecordFailureAsync(user, Samples.T0.AddSeconds(1), 3, Samples.T0.AddMinutes(5), Ct);
        await Stores.ReopenAsync(Ct);

        // Assert
        Assert.True(third.Locked);
        Assert.Equal(third, await Stores.Lockout.GetAsync(user, Samples.T0.AddMinutes(1), Ct));
    }

    [Fact]
    public async Task Meta_UnknownKeyIsNullAndSetReplaces()
    {
        // Act
        var unknown = await Stores.Database.GetMetaAsync("nothing", Ct);
        await Stores.Database.SetMetaAsync("k", "1", Ct);
        await Stores.Database.SetMetaAsync("k", "2", Ct);

        // Assert
        Assert.Null(unknown);
        Assert.Equal("2", await Stores.Database.GetMetaAsync("k", Ct));
    }
}
