namespace OpenAaf.Biometrics.Records;

/// <summary>Why a record was rejected; <see cref="RecordRejection.Detail"/> says where and with which values.</summary>
public enum RecordError
{
    /// <summary>The data ends before the record does (or before its header does).</summary>
    Truncated,

    /// <summary>Not "FMR\0" with a supported version.</summary>
    UnknownFormat,

    /// <summary>Input or record length above the configured cap.</summary>
    TooLarge,

    /// <summary>Length fields disagree with each other or with the content they describe.</summary>
    LengthMismatch,

    /// <summary>Zero or implausible resolution, or zero image size.</summary>
    BadGeometry,

    /// <summary>The record declares no finger view.</summary>
    NoViews,

    /// <summary>A minutia lies outside the image it was extracted from.</summary>
    CoordinateOutOfRange,

    /// <summary>An angle outside the format's range (ANSI 378 allows 0–179).</summary>
    AngleOutOfRange,

    /// <summary>Minutia type 3, which the standards reserve.</summary>
    ReservedMinutiaType,

    /// <summary>An ISO 2011 minutia field length other than 5 or 6 bytes.</summary>
    BadMinutiaFieldLength,

    /// <summary>A view with fewer minutiae than the configured minimum.</summary>
    TooFewMinutiae,
}
