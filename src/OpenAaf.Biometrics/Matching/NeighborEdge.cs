using System.Runtime.InteropServices;

namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// A directed edge from a minutia to one of its neighbours, described only by quantities that survive
/// rotation and translation: its length, its direction relative to the source minutia (Phi), and the
/// neighbour's direction relative to the source's (Omega). The length tolerance is precomputed so that a
/// check needs no division (a division per check once cost a third of the comparison time). 8 bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1, Size = 8)]
internal readonly struct NeighborEdge(byte from, byte to, short length, byte phi, byte omega)
{
    public readonly byte From = from;
    public readonly byte To = to;
    public readonly short Length = length;
    public readonly byte Phi = phi;
    public readonly byte Omega = omega;
    public readonly byte LengthTolerance = (byte)EdgeCompatibility.LengthTolerance(length);
}
