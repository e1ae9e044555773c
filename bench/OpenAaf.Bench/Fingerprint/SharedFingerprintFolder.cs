namespace OpenAaf.Bench.Fingerprint;

/// <summary>
/// Finds the shared FVC2002 templates, which stay outside the repository (their licence is not ours to
/// re-grant): OPENAAF_FINGERPRINT_DIR, else a shared/fingerprint folder beside some parent directory.
/// </summary>
internal static class SharedFingerprintFolder
{
    public static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("OPENAAF_FINGERPRINT_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Directory.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fingerprint");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
