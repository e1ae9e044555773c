namespace OpenAaf.Biometrics.Records;

/// <summary>How a format codes minutia direction; both count counter-clockwise from the x axis.</summary>
internal enum AngleUnit
{
    /// <summary>ISO 19794-2: 360/256 = 1.40625 degrees, any byte value.</summary>
    Iso256,

    /// <summary>ANSI 378: 2 degrees, values 0–179.</summary>
    Ansi2Degrees,
}
