namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// Bounds on what one request may make the matcher do. A 16 KiB record can declare hundreds of views, and
/// every enrolled view is compared at every later logon and add, so the counts are capped well below that.
/// </summary>
internal static class FingerLimits
{
    /// <summary>methods.md §11.1: one record, at most 16 KiB after decoding.</summary>
    public const int MaxRecordBytes = 16 * 1024;

    /// <summary>A logon probe: ten views cover a full ten-print record.</summary>
    public const int MaxProbeViews = 10;

    /// <summary>An enrolled capture is of one finger (its item names it), so several views are repeats of it.</summary>
    public const int MaxEnrolledViews = 4;

    /// <summary>The policy allows at most 10 captures per finger (Server MethodPolicyRules).</summary>
    public const int MaxCapturesPerFinger = 10;

    /// <summary>Ten fingers of ten captures.</summary>
    public const int MaxCapturesPerAdd = 100;
}
