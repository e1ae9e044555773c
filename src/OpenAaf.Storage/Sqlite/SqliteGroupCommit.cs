using System.Threading.Channels;

namespace OpenAaf.Storage.Sqlite;

/// <summary>
/// Group commit on the writer connection: items written by concurrent callers wait in a bounded queue, and one
/// consumer writes everything that has arrived (up to <c>maxBatch</c>) in one transaction. A caller's task
/// completes only after the transaction holding its item has committed, so an acknowledged item is never lost;
/// when the transaction fails, every caller of that batch gets the exception (an outage, not a silent loss).
/// A full queue makes callers wait for room, so memory stays bounded under any load. Disposal stops taking
/// items and waits until the queued ones are written.
/// </summary>
internal sealed class SqliteGroupCommit<T> : IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly Action<SqliteLink, T> _write;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue;
    private readonly Task _consumer;
    private long _commits;

    public SqliteGroupCommit(SqliteDatabase database, Action<SqliteLink, T> write, int capacity, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _database = database;
        _write = write;
        _maxBatch = maxBatch;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true, AllowSynchronousContinuations = false,
        });
        _consumer = Task.Run(ConsumeAsync);
    }

    /// <summary>Transactions committed so far (for tests and diagnostics).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    /// <summary>Items waiting in the queue, not yet taken into a batch.</summary>
    internal int Queued => _queue.Reader.Count;

    /// <summary>
    /// Completes when <paramref name="item"/> is committed. <paramref name="cancellationToken"/> only cancels the
    /// wait for room in the queue: an item once queued is written, and its caller waits for that, so a cancelled
    /// call has written nothing and a completed one is durable.
    /// </summary>
    public Task WriteAsync(T item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item);
        var queued = _queue.Writer.WriteAsync(pending, cancellationToken);
        // Note: with room in the queue the caller's task is the commit itself: complete as soon as it commits.
        return queued.IsCompletedSuccessfully ? pending.Committed.Task : WaitForRoomAsync(queued, pending);
    }

    private async Task WaitForRoomAsync(ValueTask queued, Pending pending)
    {
        try
        {
            await queued.ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(GetType().Name, "The writer has shut down.");
        }
        await pending.Committed.Task.ConfigureAwait(false);
    }

    private async Task ConsumeAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            try
            {
                // Note: no cancellation here. The callers were told their items will be written.
                await _database.WriteAsync((this, batch), static (link, s) => s.Item1.WriteBatch(link, s.batch), CancellationToken.None)
                    .ConfigureAwait(false);
                Interlocked.Increment(ref _commits);
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetResult();
                }
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetException(e);
                }
            }
            batch.Clear();
        }
    }

    private bool WriteBatch(SqliteLink link, List<Pending> batch)
    {
        link.Begin();
        foreach (var pending in batch)
        {
            _write(link, pending.Item);
        }
        link.Commit();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class Pending(T item)
    {
        public T Item { get; } = item;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
