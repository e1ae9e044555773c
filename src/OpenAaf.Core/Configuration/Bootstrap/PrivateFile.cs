namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>Files readable by the owner only (mode 0600 on Unix), for keys and generated credentials.</summary>
public static class PrivateFile
{
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static FileStreamOptions CreateNewOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    /// <summary>Writes a new file that must not exist yet; throws <see cref="IOException"/> if it does.</summary>
    public static void WriteNew(string path, string text)
    {
        CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, CreateNewOptions());
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    /// <summary>
    /// Creates each missing directory of <paramref name="directory"/> with mode 0700 on Unix (Directory.CreateDirectory
    /// gives its mode to the last one only); directories that exist keep their mode.
    /// </summary>
    public static void CreateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        var missing = new Stack<string>();
        for (var d = Path.GetFullPath(directory); !string.IsNullOrEmpty(d) && !Directory.Exists(d); d = Path.GetDirectoryName(d))
            missing.Push(d);
        while (missing.Count > 0) Directory.CreateDirectory(missing.Pop(), OwnerDirectory);
    }
}
