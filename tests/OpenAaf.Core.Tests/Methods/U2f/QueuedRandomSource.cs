using OpenAaf.Core.Security;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>
/// Challenge bytes for replaying recorded vectors: queued values first, in order, then fresh random bytes.
/// A queued value must have exactly the requested size, so a vector never silently becomes a prefix.
/// </summary>
public sealed class QueuedRandomSource : IRandomSource
{
    private readonly Queue<byte[]> _queued = new();
    private readonly Lock _gate = new();

    public QueuedRandomSource Enqueue(params string[] hex)
    {
        lock (_gate) foreach (var h in hex) _queued.Enqueue(Convert.FromHexString(h));
        return this;
    }

    public void Fill(Span<byte> buffer)
    {
        byte[]? next;
        lock (_gate) _queued.TryDequeue(out next);
        if (next is null)
        {
            CryptographicRandomSource.Instance.Fill(buffer);
            return;
        }
        if (next.Length != buffer.Length) throw new InvalidOperationException($"Queued {next.Length} bytes, {buffer.Length} requested.");
        next.CopyTo(buffer);
    }
}
