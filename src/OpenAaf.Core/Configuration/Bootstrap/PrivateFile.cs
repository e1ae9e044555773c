namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>Files readable by the owner only (mode 0600 on Unix), for keys and generated credentials.</summary>
public static class PrivateFile
{
    public static FileStreamOptions CreateNewOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    /// <summary>Writes a new file that must not exist yet; throws <see cref="IOException"/> if it does.</summary>
    public static void WriteNew(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, CreateNewOptions());
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
