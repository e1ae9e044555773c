using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// The catalogue entries of FINGER:1 (methods.md §11): logon (api.md §11.4) and enrollment (§11.5); {detail} and
/// {n} are filled in by the method.
/// </summary>
public static class FingerOutcomes
{
    public static readonly Outcome FingerWaitingCapture = new("OAAF-2171", "FINGER_WAITING_CAPTURE", "Place your finger on the reader");
    public static readonly Outcome FingerCaptureFailed = new("OAAF-2172", "FINGER_CAPTURE_FAILED", "Fingerprint capture failed");
    public static readonly Outcome FingerBadTemplate = new("OAAF-2173", "FINGER_BAD_TEMPLATE", "Fingerprint data cannot be read");
    public static readonly Outcome FingerNoMatch = new("OAAF-2174", "FINGER_NO_MATCH", "Fingerprint does not match", CountsForLockout: true);
    public static readonly Outcome FingerFake = new("OAAF-2175", "FINGER_FAKE", "Fake finger detected", CountsForLockout: true);
    public static readonly Outcome FingerWaitingCaptures = new("OAAF-3104", "FINGER_WAITING_CAPTURES", "Continue with the next finger or finish");
    public static readonly Outcome FingerIsoRequired = new("OAAF-3131", "FINGER_ISO_REQUIRED", "A minutiae template (ISO) is required");
    public static readonly Outcome FingerEnrollBadTemplate = new("OAAF-3132", "FINGER_BAD_TEMPLATE", "Fingerprint data cannot be read: {detail}");
    public static readonly Outcome FingerNotAllowed = new("OAAF-3133", "FINGER_NOT_ALLOWED", "This finger cannot be enrolled");
    public static readonly Outcome FingerNotEnoughCaptures = new("OAAF-3134", "FINGER_NOT_ENOUGH_CAPTURES", "{n} captures per finger are required");
    public static readonly Outcome FingerCapturesInconsistent = new("OAAF-3135", "FINGER_CAPTURES_INCONSISTENT", "Captures of one finger do not match each other");
    public static readonly Outcome FingerDuplicate = new("OAAF-3136", "FINGER_DUPLICATE", "This finger matches another enrolled finger");
    public static readonly Outcome FingerNotEnoughFingers = new("OAAF-3137", "FINGER_NOT_ENOUGH_FINGERS", "At least {n} fingers are required");
    public static readonly Outcome FingerBadOperation = new("OAAF-3138", "FINGER_BAD_OPERATION", "Unknown operation");
    public static readonly Outcome FingerEnrollCaptureFailed = new("OAAF-3139", "FINGER_CAPTURE_FAILED", "Fingerprint capture failed");
}
