using System.Buffers.Binary;

namespace OpenAaf.Testing.Fingerprints;

/// <summary>
/// Builds well-formed records of the three formats, so that parser and matcher tests run without any
/// external data; tests then corrupt the bytes where they need to.
/// </summary>
public static class RecordWriter
{
    public static byte[] Iso2005(int width, int height, int resolution, params TestView[] views) =>
        Legacy(width, height, resolution, views, ansi: false, longLength: false);

    public static byte[] Ansi2004(int width, int height, int resolution, bool longLength, params TestView[] views) =>
        Legacy(width, height, resolution, views, ansi: true, longLength);

    public static byte[] Iso2011(int width, int height, int resolution, bool withQuality, bool certified, params TestView[] views)
    {
        var body = new List<byte>();
        foreach (var view in views)
        {
            var representation = new List<byte>();
            representation.AddRange(new byte[9]); // capture date-time
            representation.Add(0); // device technology
            U16(representation, 0); // vendor
            U16(representation, 0); // device type
            representation.Add(1); // one quality block
            representation.AddRange([(byte)view.Quality, 0, 0, 0, 0]);
            if (certified)
            {
                representation.Add(1);
                representation.AddRange([0, 0, 1]);
            }

            representation.Add((byte)view.Position);
            representation.Add(0); // representation number
            U16(representation, resolution);
            U16(representation, resolution);
            representation.Add((byte)view.Impression);
            U16(representation, width);
            U16(representation, height);
            representation.Add((byte)((withQuality ? 6 : 5) << 4));
            representation.Add((byte)view.Minutiae.Count);
            foreach (var m in view.Minutiae)
            {
                Minutia(representation, m, withQuality);
            }

            Extended(representation, view.Extended);
            U32(body, representation.Count + 4);
            body.AddRange(representation);
        }

        var record = new List<byte>("FMR\0030\0"u8.ToArray());
        U32(record, 15 + body.Count);
        U16(record, views.Length);
        record.Add((byte)(certified ? 1 : 0));
        record.AddRange(body);
        return [.. record];
    }

    private static byte[] Legacy(int width, int height, int resolution, TestView[] views, bool ansi, bool longLength)
    {
        var rest = new List<byte>();
        if (ansi)
        {
            U32(rest, 0x01020304); // CBEFF product id
        }

        U16(rest, 0); // capture equipment
        U16(rest, width);
        U16(rest, height);
        U16(rest, resolution);
        U16(rest, resolution);
        rest.Add((byte)views.Length);
        rest.Add(0);
        foreach (var view in views)
        {
            rest.Add((byte)view.Position);
            rest.Add((byte)view.Impression);
            rest.Add((byte)view.Quality);
            rest.Add((byte)view.Minutiae.Count);
            foreach (var m in view.Minutiae)
            {
                Minutia(rest, m, withQuality: true);
            }

            Extended(rest, view.Extended);
        }

        var record = new List<byte>("FMR\0 20\0"u8.ToArray());
        var lengthSize = ansi ? (longLength ? 6 : 2) : 4;
        var total = 8 + lengthSize + rest.Count;
        if (!ansi)
        {
            U32(record, total);
        }
        else if (longLength)
        {
            U16(record, 0);
            U32(record, total);
        }
        else
        {
            U16(record, total);
        }

        record.AddRange(rest);
        return [.. record];
    }

    private static void Minutia(List<byte> into, TestMinutia m, bool withQuality)
    {
        U16(into, (m.Type << 14) | m.X);
        U16(into, m.Y);
        into.Add((byte)m.Angle);
        if (withQuality)
        {
            into.Add((byte)m.Quality);
        }
    }

    private static void Extended(List<byte> into, byte[]? extended)
    {
        U16(into, extended?.Length ?? 0);
        into.AddRange(extended ?? []);
    }

    private static void U16(List<byte> into, int value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
        into.AddRange(bytes);
    }

    private static void U32(List<byte> into, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        into.AddRange(bytes);
    }
}
