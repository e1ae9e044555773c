using OpenAaf.Core.Configuration.Bootstrap;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// The database holds password hashes and sealed secrets, so nobody but the server's user reads it: a directory
/// created for it is 0700, the file is created 0600 before SQLite opens it, and SQLite gives its -wal and -shm
/// files the database file's mode. An existing database (from an earlier version, created 0644) loses the
/// access of others; group access an operator granted on purpose is left alone, as is an existing directory.
/// </summary>
internal static class PrivateDatabaseFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Others = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static void Prepare(string databasePath)
    {
        if (Path.GetDirectoryName(databasePath) is { Length: > 0 } directory) PrivateFile.CreateDirectory(directory);
        if (OperatingSystem.IsWindows()) return;
        CreateIfMissing(databasePath);
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }) TakeAccessFromOthers(file);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void CreateIfMissing(string path)
    {
        try
        {
            // An empty file is an empty SQLite database; SQLite keeps the mode it was created with.
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite, UnixCreateMode = OwnerOnly,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // It exists already (another start, or a database from before): its mode is handled below.
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void TakeAccessFromOthers(string path)
    {
        if (!File.Exists(path)) return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & Others) != 0) File.SetUnixFileMode(path, mode & ~Others);
    }
}
