namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// What the best pairing of a comparison found, before it is turned into a calibrated score: the pairs,
/// the edges both templates agree on between them, and how many minutiae of each side lie in the overlap.
/// </summary>
internal readonly record struct PairingOutcome(int Pairs, int SupportingEdges, int ProbeCount, int CandidateCount, int ProbeInOverlap = 0, int CandidateInOverlap = 0)
{
    public static PairingOutcome None(int probeCount, int candidateCount) => new(0, 0, probeCount, candidateCount);
}
