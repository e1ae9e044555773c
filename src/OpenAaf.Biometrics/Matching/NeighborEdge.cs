using System.Runtime.InteropServices;

namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// A directed edge from a minutia to one of its neighbours, described only by quantities that survive
/// rotation and translation: its length, its direction relative to the source minutia (Phi), and the
/// neighbour's direction relative to the source's (Omega). 6 bytes, so a template's edges sit in a few cache lines.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly struct NeighborEdge(byte from, byte to, short length, byte phi, byte omega)
{
    public readonly byte From = from;
    public readonly byte To = to;
    public readonly short Length = length;
    public readonly byte Phi = phi;
    public readonly byte Omega = omega;
}
