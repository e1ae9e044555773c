using System.Security.Cryptography;
using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Core.Tests.Configuration.Fakes;
using Xunit;

namespace OpenAaf.Core.Tests.Configuration;

public sealed class MasterKeyTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "openaaf-key-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public void LoadOrCreate_NoConfiguredKey_GeneratesPrivateKeyFileAndReusesIt()
    {
        // Act
        var first = MasterKey.LoadOrCreate(null, _dataDirectory);
        var second = MasterKey.LoadOrCreate(null, _dataDirectory);

        // Assert
        var path = Path.Combine(_dataDirectory, MasterKey.FileName);
        Assert.True(File.Exists(path));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(path).Trim()).Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(first.DeriveKey("x"), second.DeriveKey("x"));
    }

    [Fact]
    public void LoadOrCreate_ConfiguredKey_IsUsedAndNoFileIsWritten()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);

        var key = MasterKey.LoadOrCreate(Convert.ToBase64String(bytes), _dataDirectory);

        Assert.Equal(new MasterKey(bytes).DeriveKey("x"), key.DeriveKey("x"));
        Assert.False(File.Exists(Path.Combine(_dataDirectory, MasterKey.FileName)));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void TryParse_NotThirtyTwoBytes_ReturnsNull(string text) => Assert.Null(MasterKey.TryParse(text));

    [Fact]
    public async Task VerifyAsync_SameKey_PassesAfterFirstStart()
    {
        var metadata = new InMemoryMetadataStore();
        var key = new MasterKey(RandomNumberGenerator.GetBytes(32));

        await key.VerifyAsync(metadata, Ct);
        await key.VerifyAsync(metadata, Ct);

        Assert.Single(metadata.Values);
    }

    [Fact]
    public async Task VerifyAsync_OtherKey_FailsClearly()
    {
        var metadata = new InMemoryMetadataStore();
        await new MasterKey(RandomNumberGenerator.GetBytes(32)).VerifyAsync(metadata, Ct);

        var error = await Assert.ThrowsAsync<MasterKeyMismatchException>(
            () => new MasterKey(RandomNumberGenerator.GetBytes(32)).VerifyAsync(metadata, Ct));

        Assert.Contains("master key does not match the data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_KeyFileReplaced_FailsInsteadOfStartingOnUnreadableData()
    {
        // Arrange: a first start with a generated key, then the data directory loses its key file.
        var harness = new ConfigurationHarness { Key = MasterKey.LoadOrCreate(null, _dataDirectory) };
        await harness.StartAsync(SampleDocuments.Full());
        File.Delete(Path.Combine(_dataDirectory, MasterKey.FileName));
        harness.Key = MasterKey.LoadOrCreate(null, _dataDirectory);

        // Act + Assert
        await Assert.ThrowsAsync<MasterKeyMismatchException>(() => harness.Create().InitializeAsync(Ct));
    }
}
