using OpenAaf.Core.Security;

namespace OpenAaf.Core.Tests.Fakes;

/// <summary>Hands out the given byte strings in turn, repeating the last: recorded challenges can be replayed.</summary>
public sealed class FixedRandomSource(params byte[][] values) : IRandomSource
{
    private int _next;

    public int Calls { get; private set; }

    public void Fill(Span<byte> buffer)
    {
        var value = values[Math.Min(_next, values.Length - 1)];
        _next++;
        Calls++;
        if (value.Length != buffer.Length) throw new InvalidOperationException($"fixed value has {value.Length} bytes, {buffer.Length} wanted");
        value.CopyTo(buffer);
    }
}
