namespace OpenAaf.Biometrics.Matching;

/// <summary>Maps a pairing onto the calibrated scale. Placeholder until the calibration is fitted.</summary>
internal static class ScoreCalibration
{
    public static double RawScore(PairingOutcome outcome) => outcome.SupportingEdges;

    public static double Calibrate(PairingOutcome outcome) => RawScore(outcome);
}
