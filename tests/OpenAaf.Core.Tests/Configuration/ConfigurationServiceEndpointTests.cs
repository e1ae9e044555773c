using OpenAaf.Core.Configuration;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Tests.Configuration.Fakes;
using Xunit;

namespace OpenAaf.Core.Tests.Configuration;

public sealed class ConfigurationServiceEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddEndpointAsync_NewName_IsStoredAndSwappedIn()
    {
        var harness = new ConfigurationHarness();
        var service = await harness.StartAsync(SampleDocuments.Full());
        var before = service.Current;

        var result = await service.AddEndpointAsync(new EndpointDefinition { Id = new string('c', 32), Name = "new.endpoint", Secret = "s3cret" }, Ct);

        Assert.Equal(EndpointAddOutcome.Added, result.Outcome);
        Assert.NotNull(service.Current.FindEndpoint(new string('C', 32)));
        Assert.Null(before.FindEndpoint(new string('c', 32)));
        var restarted = harness.Create();
        await restarted.InitializeAsync(Ct);
        Assert.Equal("s3cret", restarted.Current.FindEndpoint(new string('c', 32))!.Secret);
    }

    [Fact]
    public async Task AddEndpointAsync_NameTakenInAnotherCase_IsAConflictValue()
    {
        var service = await new ConfigurationHarness().StartAsync(SampleDocuments.Full());

        var result = await service.AddEndpointAsync(new EndpointDefinition { Id = new string('c', 32), Name = "TEST", Secret = "x" }, Ct);

        Assert.Equal(EndpointAddOutcome.NameConflict, result.Outcome);
        Assert.Single(service.Current.Endpoints);
    }

    [Fact]
    public async Task AddEndpointAsync_IdTaken_IsAConflictValue()
    {
        var service = await new ConfigurationHarness().StartAsync(SampleDocuments.Full());

        var result = await service.AddEndpointAsync(new EndpointDefinition { Id = SampleDocuments.LegacyEndpointId, Name = "x", Secret = "x" }, Ct);

        Assert.Equal(EndpointAddOutcome.IdConflict, result.Outcome);
    }

    [Fact]
    public async Task AddEndpointAsync_Concurrent_OnlyOneWinsAName()
    {
        var service = await new ConfigurationHarness().StartAsync(BootstrapDocument.Empty);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            service.AddEndpointAsync(new EndpointDefinition { Id = $"{i:x2}".PadLeft(32, 'a'), Name = "same", Secret = "x" }, Ct))));

        Assert.Single(results, r => r.Outcome == EndpointAddOutcome.Added);
        Assert.Single(service.Current.Endpoints);
    }

    [Fact]
    public async Task DeleteEndpointAsync_RemovesFromStoreAndSnapshot()
    {
        var harness = new ConfigurationHarness();
        var service = await harness.StartAsync(SampleDocuments.Full());

        Assert.True(await service.DeleteEndpointAsync(SampleDocuments.LegacyEndpointId.ToUpperInvariant(), Ct));
        Assert.False(await service.DeleteEndpointAsync(SampleDocuments.LegacyEndpointId, Ct));

        Assert.Empty(service.Current.Endpoints);
        Assert.Empty(harness.Store.OfKind(ConfigObjectKinds.Endpoint));
    }

    [Fact]
    public async Task ApplyBootstrapAsync_EndpointWithoutId_KeepsItsGeneratedIdAcrossStarts()
    {
        var harness = new ConfigurationHarness();
        var document = BootstrapDocument.Empty with { Endpoints = [new EndpointDeclaration { Name = "portal", Secret = "one" }] };
        var first = (await harness.StartAsync(document)).Current.Endpoints.Single();

        var second = (await harness.StartAsync(document with { Endpoints = [new EndpointDeclaration { Name = "PORTAL", Secret = "two" }] }))
            .Current.Endpoints.Single();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("two", second.Secret);
    }

    [Fact]
    public async Task ApplyBootstrapAsync_DeclaredIdForExistingName_ReplacesTheOldEndpoint()
    {
        var harness = new ConfigurationHarness();
        await harness.StartAsync(BootstrapDocument.Empty with { Endpoints = [new EndpointDeclaration { Name = "test", Secret = "one" }] });

        var snapshot = (await harness.StartAsync(SampleDocuments.Full())).Current;

        Assert.Equal(SampleDocuments.LegacyEndpointId, Assert.Single(snapshot.Endpoints).Id);
        Assert.Single(harness.Store.OfKind(ConfigObjectKinds.Endpoint));
    }

    [Fact]
    public async Task ApplyBootstrapAsync_EndpointCreatedThroughTheApi_IsKept()
    {
        var harness = new ConfigurationHarness();
        var service = await harness.StartAsync(SampleDocuments.Full());
        await service.AddEndpointAsync(new EndpointDefinition { Id = new string('d', 32), Name = "api-made", Secret = "x" }, Ct);

        var snapshot = (await harness.StartAsync(SampleDocuments.Full())).Current;

        Assert.Equal(["test", "api-made"], snapshot.Endpoints.Select(e => e.Name));
    }
}
