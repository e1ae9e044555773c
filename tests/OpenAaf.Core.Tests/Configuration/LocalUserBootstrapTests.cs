using System.Text;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Configuration.Fakes;
using Xunit;

namespace OpenAaf.Core.Tests.Configuration;

public sealed class LocalUserBootstrapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyBootstrapAsync_LocalUser_GetsUserIdAndPasswordTemplate()
    {
        var harness = new ConfigurationHarness();

        var snapshot = (await harness.StartAsync(SampleDocuments.Full("admin-password-1"))).Current;

        var admin = Assert.Single(harness.Users.LocalUsers);
        Assert.Equal(["FULL ADMINS"], admin.Groups);
        var record = Assert.Single(harness.Users.Users);
        Assert.Equal(snapshot.FindRepository("LOCAL")!.Id, record.RepositoryId);
        var template = await PasswordTemplateAsync(harness, record.UserId);
        Assert.Equal("", template.CategoryId);
        Assert.True(ConfigurationHarness.Hasher.Verify("admin-password-1", Encoding.UTF8.GetString(template.Secret)));
        Assert.Equal("{\"password_changed_at\":\"2024-05-06T07:08:09.123456\"}", template.Data);
    }

    [Fact]
    public async Task ApplyBootstrapAsync_SamePasswordAfterRestart_DoesNotHashAgain()
    {
        var harness = new ConfigurationHarness();
        await harness.StartAsync(SampleDocuments.Full());
        var writes = harness.Templates.Writes;

        await harness.StartAsync(SampleDocuments.Full());
        await harness.StartAsync(SampleDocuments.Full());

        Assert.Equal(writes, harness.Templates.Writes);
        Assert.Single(harness.Users.LocalUsers);
        Assert.Single(harness.Users.Users);
    }

    [Fact]
    public async Task ApplyBootstrapAsync_PasswordChangedInFile_UpdatesTheTemplate()
    {
        var harness = new ConfigurationHarness();
        await harness.StartAsync(SampleDocuments.Full("first-password"));
        var userId = harness.Users.Users.Single().UserId;
        var before = await PasswordTemplateAsync(harness, userId);

        await harness.StartAsync(SampleDocuments.Full("second-password"));

        var after = await PasswordTemplateAsync(harness, userId);
        Assert.Equal(before.Id, after.Id);
        Assert.True(ConfigurationHarness.Hasher.Verify("second-password", Encoding.UTF8.GetString(after.Secret)));
    }

    [Fact]
    public async Task ApplyBootstrapAsync_TemplateDeletedAtRunTime_IsCreatedAgain()
    {
        var harness = new ConfigurationHarness();
        await harness.StartAsync(SampleDocuments.Full());
        var userId = harness.Users.Users.Single().UserId;
        await harness.Templates.DeleteAsync((await PasswordTemplateAsync(harness, userId)).Id, Ct);

        await harness.StartAsync(SampleDocuments.Full());

        Assert.NotNull(await PasswordTemplateAsync(harness, userId));
    }

    [Fact]
    public async Task ApplyBootstrapAsync_PasswordChangedAtRunTime_IsNotOverwrittenByTheSameFile()
    {
        var harness = new ConfigurationHarness();
        await harness.StartAsync(SampleDocuments.Full("file-password"));
        var userId = harness.Users.Users.Single().UserId;
        var template = await PasswordTemplateAsync(harness, userId);
        var changed = template with { Secret = Encoding.UTF8.GetBytes(ConfigurationHarness.Hasher.Hash("user-password")) };
        Assert.True(await harness.Templates.TryUpdateAsync(changed, template.Version, Ct));

        await harness.StartAsync(SampleDocuments.Full("file-password"));

        var after = await PasswordTemplateAsync(harness, userId);
        Assert.True(ConfigurationHarness.Hasher.Verify("user-password", Encoding.UTF8.GetString(after.Secret)));
    }

    private static async Task<Template> PasswordTemplateAsync(ConfigurationHarness harness, string userId) =>
        Assert.Single(await harness.Templates.ListAsync(userId, Ct), t => t.MethodId == MethodIds.Password);
}
