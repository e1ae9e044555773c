namespace OpenAaf.Biometrics.Records;

/// <summary>
/// One minutia as recorded: pixel position from the top-left corner (y grows downwards) and the
/// direction in radians, counter-clockwise from the positive x axis in the y-up sense, whatever the
/// record's angle unit was.
/// </summary>
public readonly record struct Minutia(MinutiaKind Kind, int X, int Y, double Angle, int Quality);
