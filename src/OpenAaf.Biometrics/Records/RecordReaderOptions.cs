namespace OpenAaf.Biometrics.Records;

/// <summary>Limits applied while reading; defaults follow methods.md §11.1.</summary>
public sealed record RecordReaderOptions
{
    public static RecordReaderOptions Default { get; } = new();

    /// <summary>A view with fewer minutiae cannot be matched reliably (spec default 6).</summary>
    public int MinMinutiae { get; init; } = 6;

    /// <summary>Decoded input cap: one 255-minutia view takes 1,560 bytes, so 16 KiB leaves room for extensions.</summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024;

    /// <summary>Below 99 px/cm (250 dpi) minutiae are not meaningful; above 2,000 px/cm (5,080 dpi) is no finger sensor.</summary>
    public int MinResolution { get; init; } = 99;

    public int MaxResolution { get; init; } = 2000;
}
