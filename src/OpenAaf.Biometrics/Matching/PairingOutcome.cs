namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// What the best pairing of a comparison found, before it is turned into a calibrated score: the paired
/// minutiae and the edges both templates agree on between them, with the two templates' minutia counts.
/// </summary>
internal readonly record struct PairingOutcome(int Pairs, int SupportingEdges, int ProbeCount, int CandidateCount)
{
    public static PairingOutcome None(int probeCount, int candidateCount) => new(0, 0, probeCount, candidateCount);
}
