namespace OpenAaf.Biometrics.Tests.Support;

/// <summary>
/// The FVC2002 templates stay outside the repository (their licence is not ours to re-grant): they are
/// found through OPENAAF_FINGERPRINT_DIR or as shared/fingerprint beside a parent of the test binaries.
/// </summary>
internal static class SharedFingerprints
{
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
            Assert.Skip("Shared FVC2002 templates not found: set OPENAAF_FINGERPRINT_DIR or place shared/fingerprint beside the repository.");
        }

        return folder;
    }
}
