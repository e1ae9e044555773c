using System.Text.Json.Nodes;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Tests.Configuration.Fakes;
using Xunit;

namespace OpenAaf.Core.Tests.Configuration;

public sealed class ConfigurationServiceSecretsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyBootstrapAsync_StoresNoSecretInClear()
    {
        var harness = new ConfigurationHarness();

        var service = await harness.StartAsync(SampleDocuments.Full("admin-password-1"));

        var everything = string.Join("\n", harness.Store.Items.Select(i => i.Json).Concat(harness.Metadata.Values.Values));
        Assert.DoesNotContain("876543210", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("bind-secret", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("smtp-secret", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-password-1", everything, StringComparison.Ordinal);
        Assert.Equal("smtp-secret", service.Current.Policies.MailSender.Password);
    }

    [Fact]
    public async Task InitializeAsync_SecretMovedToAnotherRecord_IsRefused()
    {
        // Arrange: copy the encrypted secret of one endpoint into another one.
        var harness = new ConfigurationHarness();
        var service = await harness.StartAsync(SampleDocuments.Full());
        await service.AddEndpointAsync(new() { Id = new string('b', 32), Name = "other", Secret = "other-secret" }, Ct);
        var legacy = harness.Store.OfKind(ConfigObjectKinds.Endpoint).Single(e => e.Id == SampleDocuments.LegacyEndpointId);
        var other = harness.Store.OfKind(ConfigObjectKinds.Endpoint).Single(e => e.Name == "other");
        var legacySecret = JsonNode.Parse(legacy.Json)!["value"]!["secret"]!.GetValue<string>();
        var moved = JsonNode.Parse(other.Json)!;
        moved["value"]!["secret"] = legacySecret;
        await harness.Store.UpsertAsync(other with { Json = moved.ToJsonString() }, Ct);

        // Act + Assert: the purpose binds a ciphertext to its record.
        await Assert.ThrowsAsync<InvalidDataException>(() => harness.Create().InitializeAsync(Ct));
    }

    [Fact]
    public async Task ApplyBootstrapAsync_DeclaredPolicyComponent_ReplacesWholeComponentWithDefaults()
    {
        var harness = new ConfigurationHarness();
        await harness.StartAsync(SampleDocuments.Full());
        var document = BootstrapDocument.Empty with
        {
            Policies = Policies.PolicySet.Defaults with { Lockout = new Policies.LockoutOptions { LockoutPeriod = 60 } },
            PolicyComponents = new HashSet<string> { "LockoutOptions" },
        };

        var snapshot = (await harness.StartAsync(document)).Current;

        Assert.Equal(60, snapshot.Policies.Lockout.LockoutPeriod);
        Assert.Equal(3, snapshot.Policies.Lockout.FailedAttempts);
        Assert.Equal("smtp.example.com", snapshot.Policies.MailSender.Host);
    }
}
