namespace OpenAaf.Biometrics.Records;

/// <summary>The finger minutiae record formats the readers accept.</summary>
public enum FingerRecordFormat
{
    /// <summary>ISO/IEC 19794-2:2005, "FMR\0" " 20\0", 4-byte record length, angles in 360/256 degree units.</summary>
    Iso2005,

    /// <summary>ISO/IEC 19794-2:2011, "FMR\0" "030\0", per-representation headers.</summary>
    Iso2011,

    /// <summary>ANSI INCITS 378-2004, "FMR\0" " 20\0", 2- or 6-byte record length, angles in 2 degree units.</summary>
    Ansi2004,
}
