using OpenAaf.Core.Configuration;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Tests.Configuration.Fakes;
using Xunit;

namespace OpenAaf.Core.Tests.Configuration;

public sealed class ConfigurationServiceBootstrapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyBootstrapAsync_Twice_KeepsIdsAndCreatesNoDuplicates()
    {
        var harness = new ConfigurationHarness();
        var service = await harness.StartAsync(SampleDocuments.Full());
        var first = service.Current;
        var stored = harness.Store.Items.Select(i => (i.Kind, i.Id)).ToList();

        await service.ApplyBootstrapAsync(SampleDocuments.Full(), Ct);

        Assert.Equal(stored, harness.Store.Items.Select(i => (i.Kind, i.Id)).ToList());
        AssertSameIds(first, service.Current);
    }

    [Fact]
    public async Task InitializeAsync_AfterRestart_SeesTheSameIdsAndSecrets()
    {
        var harness = new ConfigurationHarness();
        var before = (await harness.StartAsync(SampleDocuments.Full())).Current;

        var restarted = harness.Create();
        await restarted.InitializeAsync(Ct);

        AssertSameIds(before, restarted.Current);
        Assert.Equal("876543210", restarted.Current.FindEndpoint(SampleDocuments.LegacyEndpointId)!.Secret);
        Assert.Equal("bind-secret", restarted.Current.FindRepository("JAGUAR")!.BindPassword);
        Assert.Equal(5, restarted.Current.Policies.Lockout.FailedAttempts);
        Assert.Equal(["LOCAL", "JAGUAR"], restarted.Current.Repositories.Select(r => r.Name));
        Assert.Equal(["LDAP + Fingerprint", "Password only"], restarted.Current.Chains.Select(c => c.Name));
    }

    [Fact]
    public async Task ApplyBootstrapAsync_ResolvesNamesToIds()
    {
        var snapshot = (await new ConfigurationHarness().StartAsync(SampleDocuments.Full())).Current;

        var passwordOnly = snapshot.Chains.Single(c => c.Name == "Password only");
        var linked = snapshot.Chains.Single(c => c.Name == "LDAP + Fingerprint");
        Assert.Equal(passwordOnly.Id, linked.RequiredChainId);
        Assert.Equal([linked.Id, passwordOnly.Id], snapshot.FindEvent("Authenticators Management")!.ChainIds);
        Assert.All(snapshot.Chains.Select(c => c.Id).Concat(snapshot.Repositories.Select(r => r.Id)),
            id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.All(snapshot.Repositories, r => Assert.Equal(Tenant.DefaultId, r.TenantId));
    }

    [Fact]
    public async Task ApplyBootstrapAsync_EmptyDocument_CreatesLocalRepositoryAndBuiltInEvents()
    {
        var snapshot = (await new ConfigurationHarness().StartAsync(BootstrapDocument.Empty)).Current;

        Assert.Equal(RepositoryKind.Local, Assert.Single(snapshot.Repositories).Kind);
        Assert.Equal(EventDefinition.BuiltIn.Select(b => (b.Name, b.Scope)), snapshot.Events.Select(e => (e.Name, e.Scope)));
        Assert.All(snapshot.Events, e => Assert.Empty(e.ChainIds));
    }

    [Fact]
    public async Task ApplyBootstrapAsync_ScopeLeftOut_IsBuiltInScopeForBuiltInNamesElseNone()
    {
        var snapshot = (await new ConfigurationHarness().StartAsync(SampleDocuments.Full())).Current;

        Assert.Equal(ManagementScope.Self, snapshot.FindEvent("Authenticators Management")!.Scope);
        Assert.Equal(ManagementScope.None, snapshot.FindEvent("Portal")!.Scope);
        Assert.Equal(ManagementScope.Helpdesk, snapshot.FindEvent("Helpdesk")!.Scope);
    }

    [Fact]
    public async Task ApplyBootstrapAsync_DeclaredScope_Wins()
    {
        var document = SampleDocuments.Full() with
        {
            Events = [new EventDeclaration { Name = "Helpdesk", Scope = ManagementScope.None }],
        };

        var snapshot = (await new ConfigurationHarness().StartAsync(document)).Current;

        Assert.Equal(ManagementScope.None, snapshot.FindEvent("helpdesk")!.Scope);
        Assert.Single(snapshot.Events, e => e.Name.Equals("Helpdesk", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ApplyBootstrapAsync_ObjectsNoLongerDeclared_AreKept()
    {
        var harness = new ConfigurationHarness();
        var before = (await harness.StartAsync(SampleDocuments.Full())).Current;

        var after = (await harness.StartAsync(BootstrapDocument.Empty)).Current;

        AssertSameIds(before, after);
        Assert.Equal(5, after.Policies.Lockout.FailedAttempts);
    }

    [Fact]
    public async Task ApplyBootstrapAsync_ChangedDeclaration_UpdatesInPlace()
    {
        var harness = new ConfigurationHarness();
        var before = (await harness.StartAsync(SampleDocuments.Full())).Current;
        var changed = SampleDocuments.Full() with
        {
            Chains = [new ChainDeclaration { Name = "password ONLY", Methods = ["TOTP:1"], Enabled = false }],
        };

        var after = (await harness.StartAsync(changed)).Current;

        var chain = after.Chains.Single(c => c.Name == "password ONLY");
        Assert.Equal(before.Chains.Single(c => c.Name == "Password only").Id, chain.Id);
        Assert.False(chain.Enabled);
        Assert.Equal(2, after.Chains.Count);
    }

    private static void AssertSameIds(ConfigurationSnapshot expected, ConfigurationSnapshot actual)
    {
        Assert.Equal(expected.Repositories.Select(r => (r.Name, r.Id)), actual.Repositories.Select(r => (r.Name, r.Id)));
        Assert.Equal(expected.Chains.Select(c => (c.Name, c.Id)).Order(), actual.Chains.Select(c => (c.Name, c.Id)).Order());
        Assert.Equal(expected.Events.Select(e => (e.Name, e.Id)).Order(), actual.Events.Select(e => (e.Name, e.Id)).Order());
        Assert.Equal(expected.Endpoints.Select(e => (e.Name, e.Id)), actual.Endpoints.Select(e => (e.Name, e.Id)));
        Assert.Equal(expected.Categories, actual.Categories);
    }
}
