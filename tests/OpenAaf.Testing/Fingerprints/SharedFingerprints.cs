using Xunit;

namespace OpenAaf.Testing.Fingerprints;

/// <summary>
/// The FVC2002 templates stay outside the repository (their licence is not ours to re-grant): they are
/// found through OPENAAF_FINGERPRINT_DIR or as shared/fingerprint beside a parent of the test binaries.
/// </summary>
public static class SharedFingerprints
{
    public const string MissingReason =
        "Shared FVC2002 templates not found: set OPENAAF_FINGERPRINT_DIR or place shared/fingerprint beside the repository.";

    public static string? Folder()
    {
        var configured = Environment.GetEnvironmentVariable("OPENAAF_FINGERPRINT_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fingerprint");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Skips the calling test, saying plainly why, when the shared templates are absent.</summary>
    public static string RequireFolder()
    {
        var folder = Folder();
        if (folder is null)
        {
            Assert.Skip(MissingReason);
        }

        return folder;
    }

    /// <summary>
    /// Impression <paramref name="impression"/> of finger <paramref name="finger"/> (101–110) of the FVC2002 set
    /// DB<paramref name="db"/>_B, as stored (<c>F_I.iso</c>); skips the calling test when the file is absent.
    /// </summary>
    public static byte[] Fvc2002(int db, int finger, int impression)
    {
        var set = Directory.GetDirectories(RequireFolder(), $"DB{db}_B", SearchOption.AllDirectories).FirstOrDefault();
        var path = set is null ? null : Path.Combine(set, $"{finger}_{impression}.iso");
        if (path is null || !File.Exists(path))
        {
            Assert.Skip($"{MissingReason} (looking for DB{db}_B/{finger}_{impression}.iso)");
        }

        return File.ReadAllBytes(path);
    }
}
