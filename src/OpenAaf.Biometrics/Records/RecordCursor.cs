using System.Buffers.Binary;

namespace OpenAaf.Biometrics.Records;

/// <summary>
/// Big-endian reads over one record. Callers check <see cref="Has"/> first so that every shortfall
/// becomes a rejection with a message, never an exception.
/// </summary>
internal ref struct RecordCursor
{
    private readonly ReadOnlySpan<byte> data;

    public RecordCursor(ReadOnlySpan<byte> data, int position)
    {
        this.data = data;
        Position = position;
    }

    public int Position { get; private set; }

    public readonly int Length => data.Length;

    public readonly int Remaining => data.Length - Position;

    public readonly bool Has(int count) => count <= Remaining;

    public byte U8() => data[Position++];

    public ushort U16()
    {
        var value = BinaryPrimitives.ReadUInt16BigEndian(data[Position..]);
        Position += 2;
        return value;
    }

    public uint U32()
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(data[Position..]);
        Position += 4;
        return value;
    }

    public void Skip(int count) => Position += count;
}
