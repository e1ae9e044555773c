using System.Buffers.Binary;
using OpenAaf.Biometrics.Records;

namespace OpenAaf.Biometrics.Matching;

/// <summary>
/// A finger view prepared for matching: minutiae normalised to 500 dpi, their neighbour edges and
/// neighbourhood sketches. Prepare once at enrollment; <see cref="ToBytes"/> keeps only the normalised
/// minutiae (3 bytes plus 5 per minutia, at most 1,278 bytes), from which <see cref="FromBytes"/> rebuilds the rest
/// deterministically in microseconds.
/// </summary>
public sealed class FingerprintTemplate
{
    /// <summary>The records allow 255 per view; the serial form is sized for that, under 4 KiB.</summary>
    public const int MaxMinutiae = 255;

    private const byte FormatVersion = 1;
    private const int HeaderSize = 3;
    private const int MinutiaSize = 5;

    private FingerprintTemplate(short[] x, short[] y, byte[] theta)
    {
        X = x;
        Y = y;
        Theta = theta;
        Edges = TemplateGeometry.BuildEdges(x, y, theta, out var edgeStart);
        EdgeStart = edgeStart;
        Descriptors = new LocalDescriptors(Edges, EdgeStart, MatcherParameters.RootNeighborCount, MatcherParameters.SketchAngleSmear);

        // FNV-1a over the minutiae: stable across processes, unlike HashCode, so comparisons are reproducible.
        var identity = 2166136261u;
        for (var i = 0; i < x.Length; i++)
        {
            identity = (identity ^ (ushort)x[i]) * 16777619u;
            identity = (identity ^ (ushort)y[i]) * 16777619u;
            identity = (identity ^ theta[i]) * 16777619u;
        }

        Identity = identity;
    }

    public int MinutiaCount => X.Length;

    internal short[] X { get; }

    internal short[] Y { get; }

    internal byte[] Theta { get; }

    internal NeighborEdge[] Edges { get; }

    /// <summary>Edges of minutia i are Edges[EdgeStart[i]..EdgeStart[i + 1]].</summary>
    internal ushort[] EdgeStart { get; }

    internal LocalDescriptors Descriptors { get; }

    /// <summary>Content hash; orders the two sides of a comparison so that the score is exactly symmetric.</summary>
    internal uint Identity { get; }

    public static FingerprintTemplate FromView(FingerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (x, y, theta) = TemplateGeometry.Normalize(view);
        return new FingerprintTemplate(x, y, theta);
    }

    /// <summary>Prepares every view of a record; match against all of them and keep the best score.</summary>
    public static IReadOnlyList<FingerprintTemplate> FromRecord(FingerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.Views.Select(FromView)];
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderSize + (MinutiaSize * X.Length)];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(1), (ushort)X.Length);
        for (var i = 0; i < X.Length; i++)
        {
            var at = HeaderSize + (MinutiaSize * i);
            BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(at), X[i]);
            BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(at + 2), Y[i]);
            bytes[at + 4] = Theta[i];
        }

        return bytes;
    }

    /// <summary>Returns null for bytes that are not a prepared template of this version.</summary>
    public static FingerprintTemplate? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize || bytes[0] != FormatVersion)
        {
            return null;
        }

        int count = BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]);
        if (count > MaxMinutiae || bytes.Length != HeaderSize + (MinutiaSize * count))
        {
            return null;
        }

        var x = new short[count];
        var y = new short[count];
        var theta = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var at = HeaderSize + (MinutiaSize * i);
            x[i] = BinaryPrimitives.ReadInt16BigEndian(bytes[at..]);
            y[i] = BinaryPrimitives.ReadInt16BigEndian(bytes[(at + 2)..]);
            theta[i] = bytes[at + 4];
        }

        return new FingerprintTemplate(x, y, theta);
    }
}
