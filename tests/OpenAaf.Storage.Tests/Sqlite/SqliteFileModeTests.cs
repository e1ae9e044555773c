using OpenAaf.Storage.Sqlite;

namespace OpenAaf.Storage.Tests.Sqlite;

/// <summary>
/// The database holds password hashes and sealed secrets: its file and the -wal/-shm files SQLite creates next to
/// it are 0600, and a directory created for it is 0700.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteFileModeTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Others = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openaaf-mode-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Initialize_CreatesThePrivateDirectory_AndTheFilesOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        // Arrange
        var path = Path.Combine(_root, "new", "data", "openaaf.db");
        using var database = new SqliteDatabase($"Data Source={path}");

        // Act: a write, so that the -wal and -shm files exist.
        await database.InitializeAsync(Ct);
        await database.SetMetaAsync("probe", "1", Ct);

        // Assert
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(Path.Combine(_root, "new")));
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            Assert.True(File.Exists(file), file);
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Initialize_TakesAccessForOthersFromAnExistingDatabase()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        // Arrange: a database written by an earlier version, world-readable.
        var path = Path.Combine(_root, "openaaf.db");
        using (var first = new SqliteDatabase($"Data Source={path}"))
        {
            await first.InitializeAsync(Ct);
        }
        File.SetUnixFileMode(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var database = new SqliteDatabase($"Data Source={path}");

        // Act
        await database.InitializeAsync(Ct);
        await database.SetMetaAsync("probe", "1", Ct);

        // Assert
        Assert.Equal(OwnerOnly | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(path + "-wal") & Others);
    }

    [Fact]
    public async Task Initialize_LeavesAnExistingDirectoryAsItIs()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        // Arrange
        Directory.CreateDirectory(_root);
        var mode = OwnerDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        File.SetUnixFileMode(_root, mode);
        using var database = new SqliteDatabase($"Data Source={Path.Combine(_root, "openaaf.db")}");

        // Act
        await database.InitializeAsync(Ct);

        // Assert
        Assert.Equal(mode, File.GetUnixFileMode(_root));
    }
}
