namespace OpenAaf.Biometrics.Records;

/// <summary>Image size and resolution of one view, validated once before its minutiae are read.</summary>
internal readonly record struct ViewGeometry(int Width, int Height, int ResolutionX, int ResolutionY)
{
    public RecordRejection? Validate(RecordReaderOptions options, string where)
    {
        if (ResolutionX == 0 || ResolutionY == 0)
        {
            return new(RecordError.BadGeometry, $"{where}: resolution {ResolutionX}×{ResolutionY} px/cm has a zero");
        }

        if (Math.Min(ResolutionX, ResolutionY) < options.MinResolution || Math.Max(ResolutionX, ResolutionY) > options.MaxResolution)
        {
            return new(
                RecordError.BadGeometry,
                $"{where}: resolution {ResolutionX}×{ResolutionY} px/cm is outside {options.MinResolution}–{options.MaxResolution} px/cm");
        }

        if (Width == 0 || Height == 0)
        {
            return new(RecordError.BadGeometry, $"{where}: image size {Width}×{Height} px has a zero");
        }

        return null;
    }
}
