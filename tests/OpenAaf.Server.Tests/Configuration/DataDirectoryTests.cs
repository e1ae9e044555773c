using OpenAaf.Core.Configuration.Bootstrap;
using OpenAaf.Server.Configuration;
using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

/// <summary>A data directory the server creates (for the demo credentials or the master key) is 0700, its files 0600.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryTests : IDisposable
{
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void DemoCredentials_CreateTheDataDirectoryPrivate()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var data = Path.Combine(_dir.Path, "var", "data");

        var result = ConfigFileLoader.LoadEmbedded(ConfigTestDirectory.Env(), data);

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(data));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(Path.Combine(_dir.Path, "var")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(result.Settings.DemoCredentialsPath!));
    }

    [Fact]
    public void MasterKeyFile_CreatesTheDataDirectoryPrivate()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var data = Path.Combine(_dir.Path, "keys");

        MasterKey.LoadOrCreate(null, data);

        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(data));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, MasterKey.FileName)));
    }
}
