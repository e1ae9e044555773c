namespace OpenAaf.Biometrics.Records;

/// <summary>
/// One finger view (ISO 2005 / ANSI) or finger representation (ISO 2011). Image size and resolution are
/// carried per view because the 2011 edition puts them there; the older formats copy the record header's.
/// </summary>
public sealed class FingerView
{
    public FingerView(
        int fingerPosition,
        int viewNumber,
        int impressionType,
        int fingerQuality,
        int width,
        int height,
        int resolutionX,
        int resolutionY,
        IReadOnlyList<Minutia> minutiae)
    {
        FingerPosition = fingerPosition;
        ViewNumber = viewNumber;
        ImpressionType = impressionType;
        FingerQuality = fingerQuality;
        Width = width;
        Height = height;
        ResolutionX = resolutionX;
        ResolutionY = resolutionY;
        Minutiae = minutiae;
    }

    /// <summary>ISO finger position code: 0 unknown, 1–5 right thumb to little, 6–10 left thumb to little.</summary>
    public int FingerPosition { get; }

    public int ViewNumber { get; }

    /// <summary>Informative only: real sensors report implausible codes (the seed capture says "non-live rolled").</summary>
    public int ImpressionType { get; }

    public int FingerQuality { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Horizontal resolution in pixels per centimetre (197 ≈ 500 dpi).</summary>
    public int ResolutionX { get; }

    /// <summary>Vertical resolution in pixels per centimetre.</summary>
    public int ResolutionY { get; }

    public IReadOnlyList<Minutia> Minutiae { get; }
}
